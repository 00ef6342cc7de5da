/**
 * Imported first by the entry points (the CLI, which also serves, and the desktop app's main process):
 * V8 compiles each regular expression to bytecode on its first use and again to machine code on its
 * second. The check rules' regexes are large (a Unicode-aware \b is four lookarounds over \p{L}\p{N})
 * and nearly all run more than once, so the bytecode pass is wasted work: compiling them straight to
 * machine code saves about 0.5 s of CPU in every `calque check` (measured on 10,000 to 200,000 words)
 * and changes no match. A process-wide engine flag, read when a regex is compiled.
 */
import { setFlagsFromString } from 'node:v8';

setFlagsFromString('--no-regexp-tier-up');
