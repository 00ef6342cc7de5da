/**
 * One measured check in a fresh process (bench/checks.ts spawns it): `tsx bench/check-child.ts <words> [seed]`.
 * Prints one JSON line: the time of the first check's set-up (pack compilation, dictionary load), the
 * time and peak memory of the full check, and a fingerprint of its findings.
 */
// As every calque process: regexes compiled straight to machine code (main/core/platform/native-regexps.ts).
import '../main/core/platform/native-regexps.js';
import { createHash } from 'node:crypto';
import { runChecks } from '../main/core/checks/engine.js';
import { generatePair } from './generate.js';
import { realPair } from './real-text.js';

const words = Number(process.argv[2]);
const seed = Number(process.argv[3] ?? 1);
const real = realPair(words, seed);
const pair = real ?? { ...generatePair(words, 0.1), target: generatePair(words, 0.1).edited, sourceLang: 'pt', targetLang: 'en' };
let t0 = performance.now();
runChecks({ source: 'Uma frase.', target: 'A sentence.', sourceLang: pair.sourceLang, targetLang: pair.targetLang });
const setupMs = performance.now() - t0;
t0 = performance.now();
const cpu0 = process.cpuUsage();
const findings = runChecks({ source: pair.source, target: pair.target, sourceLang: pair.sourceLang, targetLang: pair.targetLang });
const ms = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
const cpuMs = (cpu.user + cpu.system) / 1000;
const fingerprint = createHash('sha256').update(JSON.stringify(findings)).digest('hex').slice(0, 16);
const maxRssMb = process.resourceUsage().maxRSS / 1024;
console.log(JSON.stringify({ words: pair.words, setupMs, ms, cpuMs, maxRssMb, findings: findings.length, fingerprint }));
