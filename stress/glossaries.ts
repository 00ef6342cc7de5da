/**
 * Fuzzed glossaries (CSV, TSV, TBX and project.json entries), mutated from a seed, each read and used
 * by the checks in a worker with a watchdog: a try that throws anything but a CalqueError is a crash,
 * one that takes longer than HANG_MS is a hang (the worker is replaced). Issue 12 measured 77 crashes
 * and 21 hangs in 300 fuzzed glossaries before the readers had limits.
 */
import { fileURLToPath } from 'node:url';
import { WatchdogWorker } from './watchdog-worker.js';
import { seededRandom, type Random } from './random.js';
import type { StressOptions, StressResult } from './types.js';
import type { GlossaryTry } from './glossary-worker.js';

const HANG_MS = 5000;
const DEFAULT_TRIES = 300;

const CSV = 'source,target,alt,caseSensitive\nprefeito,mayor,city mayor,\n"Câmara de Vereadores","city council",,\nlei,law,,\nU.S.,U.S.,,yes\nSão Paulo,São Paulo,,\n';
const TSV = CSV.replace(/,/g, '\t').replace(/"/g, '');
const TBX = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">
<martif type="TBX-Basic" xml:lang="en"><text><body>
<termEntry id="t1"><langSet xml:lang="pt"><tig><term>prefeito</term></tig></langSet><langSet xml:lang="en"><tig><term>mayor</term></tig><tig><term>city mayor</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig></langSet></termEntry>
<termEntry id="t2"><langSet xml:lang="pt-BR"><tig><term>enchente</term></tig></langSet><langSet xml:lang="en"><tig><term>flood</term></tig></langSet></termEntry>
<conceptEntry id="c3"><langSec xml:lang="pt"><termSec><term>lei</term></termSec></langSec><langSec xml:lang="en"><termSec><term><![CDATA[law & order]]></term></termSec></langSec></conceptEntry>
</body></text></martif>
`;

const PIECES = ['"', '""', ',', ';', '\t', '\n', '\r', '\r\n', '<', '>', '</', '/>', '&', '&amp;', '&#x110000;', '&#0;', '&#xD800;', '&bogus;', ']]>', '<![CDATA[', '<!DOCTYPE x [<!ENTITY a "&a;&a;">]>', '<!--', '-->', '<?xml ', '__proto__', 'constructor', '(', '[', '\\', '.*', '+?', '\u0000', '\uFEFF', '\uD800', 'ß', 'İ', 'ſ', 'ς', ' ', '   ', 'prefeito', 'termEntry', '<term>', '</term>', '<langSet xml:lang="pt">', ' xml:lang="en"', ' __proto__="x"', ' constructor="y"', 'caseSensitive'];

function mutate(text: string, r: Random, tbx: boolean): string {
  let s = text;
  const n = 1 + r.int(6);
  for (let k = 0; k < n; k++) {
    const at = r.int(s.length + 1);
    switch (r.int(9)) {
      case 0:
      case 1:
        s = s.slice(0, at) + r.pick(PIECES) + s.slice(at);
        break;
      case 2:
        s = s.slice(0, at) + s.slice(at + r.int(40));
        break;
      case 3: {
        // Duplicate a range many times: big files and many entries.
        const part = s.slice(at, at + 1 + r.int(200));
        s = s.slice(0, at) + part.repeat(1 + r.int(r.chance(0.3) ? 20_000 : 50)) + s.slice(at);
        break;
      }
      case 4: {
        const depth = r.chance(0.5) ? 1 + r.int(200) : 1 + r.int(200_000);
        s = tbx ? s.slice(0, at) + '<x>'.repeat(depth) + s.slice(at) : s.slice(0, at) + '"'.repeat(depth) + s.slice(at);
        break;
      }
      case 5:
        // A long term: many words (the regular expressions' worst case) or one huge word.
        s = s.slice(0, at) + (r.chance(0.5) ? 'a '.repeat(1 + r.int(20_000)) : 'x'.repeat(1 + r.int(200_000))) + s.slice(at);
        break;
      case 6:
        s = s.slice(0, at);
        break;
      case 7:
        s = s.slice(0, at) + String.fromCharCode(r.int(0x10000)) + s.slice(at);
        break;
      default:
        s = s.replace(/xml:lang="[^"]*"/, `xml:lang="${r.pick(['', 'pt', 'EN', 'pt_BR', 'x'.repeat(500), '__proto__'])}"`);
    }
  }
  return s;
}

/** project.json `glossary` as a hand (or a bad merge) might leave it. */
function jsonEntries(r: Random): string {
  const value = (depth: number): unknown => {
    switch (r.int(depth > 3 ? 5 : 8)) {
      case 0:
        return null;
      case 1:
        return r.int(1000) - 500;
      case 2:
        return r.pick(['', ' ', 'prefeito', 'mayor', '(', '\\', 'a '.repeat(1000), '__proto__']);
      case 3:
        return r.chance(0.5);
      case 4:
        return 'x'.repeat(r.int(5000));
      case 5:
        return Array.from({ length: r.int(4) }, () => value(depth + 1));
      default: {
        const o: Record<string, unknown> = {};
        for (const k of ['source', 'target', 'alternatives', 'caseSensitive', 'constructor']) if (r.chance(0.7)) o[k] = value(depth + 1);
        return o;
      }
    }
  };
  return JSON.stringify(Array.from({ length: r.int(20) }, () => (r.chance(0.5) ? { source: value(3), target: value(3), alternatives: value(3) } : value(1))));
}

/** The try number `id` of a run (tries are drawn in order from one random source). */
export function makeTry(r: Random, id: number): GlossaryTry {
  const kind = r.pick(['csv', 'tsv', 'tbx', 'tbx', 'json'] as const);
  if (kind === 'json') return { id, name: '.calque/project.json', json: jsonEntries(r) };
  return { id, name: `.calque/glossary.${kind}`, text: mutate(kind === 'csv' ? CSV : kind === 'tsv' ? TSV : TBX, r, kind === 'tbx') };
}

export async function run(opts: StressOptions): Promise<StressResult> {
  const r = seededRandom(opts.seed);
  const tries = opts.tries ?? DEFAULT_TRIES;
  const counts = { ok: 0, refused: 0, crashes: 0, hangs: 0 };
  const examples: string[] = [];
  const runner = new WatchdogWorker<GlossaryTry, { outcome: string; detail: string }>(fileURLToPath(new URL('./glossary-worker.ts', import.meta.url)), HANG_MS);
  try {
    for (let id = 0; id < tries; id++) {
      const t = makeTry(r, id);
      const res = await runner.run(t);
      if (res.outcome === 'ok') counts.ok++;
      else if (res.outcome === 'refused') counts.refused++;
      else {
        if (res.outcome === 'hang') counts.hangs++;
        else counts.crashes++;
        if (examples.length < 5) examples.push(`try ${id} (${t.name}, ${(t.text ?? t.json ?? '').length} chars): ${res.outcome}: ${res.detail}`);
      }
    }
  } finally {
    runner.stop();
  }
  return { tries, counts, failures: ['crashes', 'hangs'], examples };
}
