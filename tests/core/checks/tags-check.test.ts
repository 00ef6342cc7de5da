import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../main/contract/review.js';
import { runChecks } from '../../../main/core/checks/engine.js';
import { articleTags } from '../../../main/core/formats/inline-tags.js';
import { withSegmentText } from '../../../main/core/formats/segment-text.js';
import { close, open, ph, pieces, tagDocument } from '../formats/tag-document.js';
import type { Piece } from '../../../main/contract/document.js';

function check(segments: { id: string; source: Piece[]; target: Piece[] }[]) {
  const doc = tagDocument(segments);
  const findings = runChecks({ source: doc.text.source, target: doc.text.target, sourceLang: 'pt', targetLang: 'en', tags: articleTags(doc, doc) });
  return { doc, findings, tagFindings: findings.filter((f) => f.rule === 'qa.tags') };
}

const apply = (text: string, f: Finding) => {
  const e = f.fixes[0]!.edits[0]!;
  return text.slice(0, e.start) + e.text + text.slice(e.end);
};

describe('the tag check', () => {
  it('reports a missing tag on its segment, with a fix that inserts it where it belongs, which saves as the tag', () => {
    const { doc, tagFindings } = check([
      { id: 's1', source: pieces('Clique ', open('1'), 'aqui', close('1'), '.'), target: pieces('Click ', open('1'), 'here.') },
    ]);
    expect(tagFindings).toHaveLength(1);
    const f = tagFindings[0]!;
    expect(f.message).toEqual({ key: 'qa:tagMissing', params: { tag: '</1>' } });
    expect(f.severity).toBe('major');
    expect([f.start, f.end]).toEqual([0, doc.text.target.length]);
    const fixed = apply(doc.text.target, f);
    expect(fixed).toBe('Click <1>here</1>.');
    const saved = withSegmentText(doc, 'target', fixed);
    expect(saved.units[0]!.segments[0]!.target!.content).toEqual(pieces('Click ', open('1'), 'here', close('1'), '.'));
    const again = runChecks({ source: saved.text.source, target: saved.text.target, sourceLang: 'pt', targetLang: 'en', tags: articleTags(saved, saved) });
    expect(again.filter((x) => x.rule === 'qa.tags')).toEqual([]);
  });

  it('a deleted tag that may not be deleted is critical; one at the start goes back to the start', () => {
    const { doc, tagFindings } = check([{ id: 's', source: pieces(ph('1', { canDelete: false }), ' Texto'), target: pieces(' Text') }]);
    expect(tagFindings.map((f) => [f.message.key, f.severity])).toEqual([['qa:tagMissingLocked', 'critical']]);
    expect(apply(doc.text.target, tagFindings[0]!)).toBe('<1/> Text');
  });

  it('reports an extra tag on the tag itself, with a fix that removes it', () => {
    const { doc, tagFindings } = check([{ id: 's', source: pieces('Um texto.'), target: pieces('A ', ph('9'), 'text.') }]);
    expect(tagFindings.map((f) => [f.message.key, doc.text.target.slice(f.start, f.end)])).toEqual([['qa:tagExtra', '<9/>']]);
    expect(apply(doc.text.target, tagFindings[0]!)).toBe('A text.');
  });

  it('reports a moved tag only where it may not move, and a pair closed before it opens', () => {
    const moved = check([
      { id: 's', source: pieces(ph('1', { canReorder: false }), 'a ', ph('2'), 'b'), target: pieces(ph('2'), 'a ', ph('1', { canReorder: false }), 'b') },
    ]);
    expect(moved.tagFindings.map((f) => f.message)).toEqual([{ key: 'qa:tagMoved', params: { tag: '<1/>' } }]);
    const free = check([{ id: 's', source: pieces(ph('1'), 'a ', ph('2'), 'b'), target: pieces(ph('2'), 'a ', ph('1'), 'b') }]);
    expect(free.tagFindings).toEqual([]);
    const reversed = check([{ id: 's', source: pieces(open('1'), 'a', close('1')), target: pieces(close('1'), 'a', open('1')) }]);
    expect(reversed.tagFindings.map((f) => f.message.key)).toEqual(['qa:tagPairOrder']);
  });

  it('reports pairs that overlap in the translation when the source nests them', () => {
    const { doc, tagFindings } = check([
      { id: 's', source: pieces(open('1'), 'a ', open('2'), 'b', close('2'), close('1')), target: pieces(open('1'), 'a ', open('2'), 'b', close('1'), close('2')) },
    ]);
    expect(tagFindings.map((f) => [f.message.key, doc.text.target.slice(f.start, f.end)])).toEqual([['qa:tagOverlap', '</1>']]);
  });

  it('compares segment by segment: a tag in the wrong segment is missing in one and extra in the other', () => {
    const { tagFindings } = check([
      { id: 's1', source: pieces('A', ph('1')), target: pieces('A') },
      { id: 's2', source: pieces('B'), target: pieces('B', { ...ph('1'), display: '<1/>' }) },
    ]);
    expect(tagFindings.map((f) => f.message.key).sort()).toEqual(['qa:tagExtra', 'qa:tagMissing']);
  });
});

describe('other checks never look inside a tag', () => {
  it('no spelling, number or placeholder finding in a tag’s display text', () => {
    const tag = (id: string, display: string) => ({ ...ph(id), display });
    const { findings } = check([
      { id: 's', source: pieces('Clique ', tag('1', '<bx>'), ' em ', tag('2', '{2}'), ' agora.'), target: pieces('Click ', tag('1', '<bx>'), ' on ', tag('2', '{2}'), ' now.') },
    ]);
    expect(findings).toEqual([]);
    // The same text without tags: "bx" is a word to spell-check, "{2}" a placeholder and a number.
    const plain = runChecks({ source: 'Clique <bx> em {3} agora.', target: 'Click <bx> on {2} now.', sourceLang: 'pt', targetLang: 'en' });
    expect(plain.length).toBeGreaterThan(0);
  });

  it('a finding next to a tag keeps its real text', () => {
    const { doc, findings } = check([{ id: 's', source: pieces('Veja ', ph('1'), ' isto.'), target: pieces('See ', ph('1'), ' thiss.') }]);
    const spelling = findings.find((f) => f.rule === 'qa.spelling');
    expect(spelling?.text).toBe('thiss');
    expect(doc.text.target.slice(spelling!.start, spelling!.end)).toBe('thiss');
  });
});
