/**
 * MQM scorer against the authors' own numbers on mqm-ted-ende (Freitag et al. 2021): every
 * per-segment score of mqm_ted_ende.avg_seg_scores.tsv (6 decimals, negated penalty), and the system
 * scores printed in their README (2 decimals; eTranslation is a known slip there, see the README).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseTsv, segmentScores, systemScores } from '../main/common/mqm/tsv.js';
import { evalData, type PartResult } from './eval-data.js';


export async function run(): Promise<PartResult> {
  const dir = evalData('mqm-ted-ende');
  if (!dir) return { ran: false, passed: false };
  const parsed = parseTsv(await readFile(join(dir, 'mqm_ted_ende.tsv'), 'utf8'));
  if (parsed.problems.length) {
    console.log(`  ${parsed.problems.length} malformed row(s), first: line ${parsed.problems[0]!.line}: ${parsed.problems[0]!.reason}`);
    return { ran: true, passed: false };
  }
  for (const w of parsed.warnings) console.log(`  read with a repair: line ${w.line}: ${w.reason}`);
  const segments = segmentScores(parsed.rows);
  const ours = new Map(segments.map((s) => [`${s.system}\t${s.segId}`, s.penalty]));

  // Data lines: system<TAB>score<SPACE>seg_id; "None" for segments not rated.
  const refLines = (await readFile(join(dir, 'mqm_ted_ende.avg_seg_scores.tsv'), 'utf8')).split('\n').slice(1).filter(Boolean);
  let compared = 0;
  let equal = 0;
  let unrated = 0;
  const segMismatches: string[] = [];
  for (const line of refLines) {
    const [named, rest] = line.split('\t') as [string, string];
    // The score file names the human reference "ref-A"; the annotations call it "ref".
    const system = named === 'ref-A' ? 'ref' : named;
    const [score, segId] = rest.trim().split(/\s+/) as [string, string];
    const mine = ours.get(`${system}\t${Number(segId)}`);
    if (score === 'None') {
      unrated++;
      if (mine !== undefined) segMismatches.push(`${system} ${segId}: reference None, ours ${mine}`);
      continue;
    }
    compared++;
    const want = Number(score);
    if (mine !== undefined && (-mine).toFixed(6) === want.toFixed(6)) equal++;
    else segMismatches.push(`${system} ${segId}: reference ${score}, ours ${mine === undefined ? 'unrated' : (-mine).toFixed(6)}`);
  }
  console.log(`  per-segment: ${equal} of ${compared} rated segments equal at 6 decimals (${unrated} unrated in the reference; ${segments.length} scored here)`);
  for (const m of segMismatches.slice(0, 10)) console.log(`    mismatch ${m}`);

  const published = (await readFile(join(dir, 'published_system_scores.tsv'), 'utf8')).split('\n').slice(1).filter(Boolean);
  const systems = new Map(systemScores(segments).map((s) => [s.system, s]));
  let sysEqual = 0;
  for (const line of published) {
    const [system, printed] = line.split('\t') as [string, string];
    const decimals = printed.split('.')[1]?.length ?? 0;
    const mine = systems.get(system);
    const same = mine !== undefined && mine.score.toFixed(decimals) === Number(printed).toFixed(decimals);
    if (same) sysEqual++;
    else console.log(`    system mismatch ${system}: published ${printed}, ours ${mine ? mine.score.toFixed(4) : 'absent'} (${mine?.segments ?? 0} segments)`);
  }
  console.log(`  systems: ${sysEqual} of ${published.length} equal at the published precision (target >= 13)`);
  const passed = segMismatches.length === 0 && equal === compared && sysEqual >= 13;
  return { ran: true, passed };
}
