/**
 * Runs one fuzzed glossary through what `calque check` and `calque serve` run: the reader (by file
 * name, with its limits), then the checks of a small article with the entries it gave. Answers
 * 'ok', 'refused' (a CalqueError: the clear, localized error) or 'crash' (anything else).
 */
import { parentPort } from 'node:worker_threads';
import { CalqueError } from '../main/contract/api.js';
import { parseGlossary } from '../main/core/checks/glossary/index.js';
import { runChecks } from '../main/core/checks/engine.js';
import type { GlossaryEntry } from '../main/core/checks/types.js';

export interface GlossaryTry {
  id: number;
  name: string;
  text?: string;
  /** project.json `glossary` as written by hand (any JSON). */
  json?: string;
}

const SOURCE = 'O prefeito da cidade anunciou um plano contra a enchente.\n\nA Câmara de Vereadores aprovou a lei (U.S.) em São Paulo.\n';
const TARGET = 'The city mayor announced a plan against the flood.\n\nThe council of prefeito approved the law (U.S.) in Sao Paulo.\n';

// Warm up (rule packs, dictionaries) before the watchdog starts timing tries.
runChecks({ source: SOURCE, target: TARGET, sourceLang: 'pt-BR', targetLang: 'en' });
parentPort!.postMessage({ ready: true });

parentPort!.on('message', (t: GlossaryTry) => {
  try {
    const glossary = t.json !== undefined ? (JSON.parse(t.json) as GlossaryEntry[]) : parseGlossary(t.text ?? '', t.name, 'pt-BR', 'en');
    const findings = runChecks({ source: SOURCE, target: TARGET, sourceLang: 'pt-BR', targetLang: 'en', project: { glossary, wordList: [] }, settings: { disabled: [], severity: {} } });
    parentPort!.postMessage({ id: t.id, outcome: 'ok', detail: `${findings.length} findings` });
  } catch (err) {
    if (err instanceof CalqueError) parentPort!.postMessage({ id: t.id, outcome: 'refused', detail: err.code });
    else parentPort!.postMessage({ id: t.id, outcome: 'crash', detail: err instanceof Error ? `${err.name}: ${err.message}`.slice(0, 200) : String(err) });
  }
});
