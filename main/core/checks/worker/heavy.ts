import { glossaryCount, type GlossaryPart } from '../shared-project.js';

/**
 * Which checks go to a worker thread: a long text (its check takes long), or any text with a big
 * glossary, whose term index takes the host hundreds of milliseconds to build (a 100,000-term glossary
 * held a one-sentence article's check on the request thread for over half a second).
 */
export const WORKER_TEXT_THRESHOLD = 30_000;
export const WORKER_GLOSSARY_THRESHOLD = 2_000;
/** A glossary file from this size on is parsed in a worker (a 100,000-term TBX is about 13 MB). */
export const WORKER_GLOSSARY_BYTES = 256 * 1024;

/**
 * A consistency context of this many sentence pairs is merged and checked in a worker: merged on the
 * host, a million pairs were millions of objects whose garbage collections stopped the request thread.
 */
export const WORKER_CONTEXT_PAIRS = 20_000;

/** A glossary read in a worker (a big file) stays packed for the worker: its check goes there too. */
export function belongsInWorker(input: { source: string; target: string; project: { glossary: readonly GlossaryPart[]; context?: { pairs: number } } }, textThreshold = WORKER_TEXT_THRESHOLD): boolean {
  const { glossary, context } = input.project;
  if (input.source.length + input.target.length >= textThreshold || glossary.some((p) => !Array.isArray(p))) return true;
  return glossaryCount(glossary) >= WORKER_GLOSSARY_THRESHOLD || (context?.pairs ?? 0) >= WORKER_CONTEXT_PAIRS;
}
