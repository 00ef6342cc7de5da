import { describe, expect, it } from 'vitest';
import { CalqueError } from '../../../../main/contract/api.js';
import {
  applyPatches,
  attr,
  attributeRange,
  childElements,
  escapeStyleOf,
  escapeText,
  firstChild,
  indentOf,
  parseXml,
  setAttributePatch,
  textContent,
  type XmlElement,
} from '../../../../main/core/formats/xml/index.js';

function errorOf(raw: string, limits?: { maxDepth?: number; maxChars?: number }): [string, Record<string, unknown>] {
  try {
    parseXml(raw, 'f.xml', limits);
  } catch (err) {
    expect(err).toBeInstanceOf(CalqueError);
    return [(err as CalqueError).code, (err as CalqueError).params];
  }
  throw new Error('expected an error');
}

const SAMPLE = '<?xml version="1.0" encoding="UTF-8"?>\r\n<doc xmlns:q="urn:q" a=\'1\'>\r\n  <p q:k="v &amp; w">Tom &amp; Jerry &gt; 2 \u{1F600}<br/> end<!-- c --><![CDATA[<raw>]]><?pi x?></p>\r\n</doc>\r\n';

describe('parseXml: offsets', () => {
  const { root, raw } = parseXml(SAMPLE, 'f.xml');
  const p = firstChild(root, 'p')!;

  it('gives each element its exact start tag, content and end tag in the text', () => {
    expect(raw.slice(root.start, root.end)).toBe(SAMPLE.slice(SAMPLE.indexOf('<doc'), SAMPLE.lastIndexOf('>') + 1));
    expect(raw.slice(p.start, p.openEnd)).toBe('<p q:k="v &amp; w">');
    expect(raw.slice(p.closeStart, p.end)).toBe('</p>');
    const br = firstChild(p, 'br')!;
    expect(br.selfClosing).toBe(true);
    expect(raw.slice(br.start, br.end)).toBe('<br/>');
  });

  it('decodes text and attributes, and keeps each node’s raw range (astral characters count as two units)', () => {
    const texts = p.children.map((c) => [c.type, raw.slice(c.start, c.end), c.type === 'text' ? c.text : '']);
    expect(texts).toEqual([
      ['text', 'Tom &amp; Jerry &gt; 2 \u{1F600}', 'Tom & Jerry > 2 \u{1F600}'],
      ['element', '<br/>', ''],
      ['text', ' end', ' end'],
      ['comment', '<!-- c -->', ''],
      ['text', '<![CDATA[<raw>]]>', '<raw>'],
      ['pi', '<?pi x?>', ''],
    ]);
    expect(attr(p, 'q:k')).toBe('v & w');
    expect(attr(p, 'k', 'urn:q')).toBe('v & w');
    expect(textContent(p)).toBe('Tom & Jerry > 2 \u{1F600} end<raw>');
    expect(childElements(root).map((e) => e.local)).toEqual(['p']);
  });

  it('patches one element’s content and one attribute, leaving every other character as written', () => {
    const out = applyPatches(raw, [
      { start: p.openEnd, end: p.closeStart, text: escapeText('A < B') },
      setAttributePatch(raw, p, 'q:k', 'z"'),
      setAttributePatch(raw, root, 'b', 'new'),
    ]);
    expect(out).toBe(SAMPLE.replace(/<p q:k="v &amp; w">.*<\/p>/, '<p q:k="z&quot;">A &lt; B</p>').replace("a='1'", "a='1' b='new'"));
    expect(attributeRange(raw, p, 'missing')).toBeUndefined();
    expect(indentOf(raw, p)).toBe('  ');
  });

  it('writes new text in the file’s own escape style', () => {
    expect(escapeText('a > b "c"', escapeStyleOf(['x &gt; y']))).toBe('a &gt; b "c"');
    expect(escapeText('a > b', escapeStyleOf(['x > y']))).toBe('a > b');
    expect(escapeText('a ]]> b', escapeStyleOf(['x > y']))).toBe('a ]]&gt; b');
    expect(escapeText('"q"', escapeStyleOf(['&quot;x&quot;']))).toBe('&quot;q&quot;');
  });
});

describe('parseXml: refuses what is unsafe or broken, each with its own error', () => {
  it('a DOCTYPE, with or without entity declarations (XXE, billion laughs), is refused before anything expands', () => {
    expect(errorOf('<!DOCTYPE a SYSTEM "file:///etc/passwd"><a/>')[0]).toBe('xmlDoctype');
    const laughs = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><lolz>&lol2;</lolz>';
    expect(errorOf(laughs)).toEqual(['xmlDoctype', { path: 'f.xml' }]);
    expect(errorOf('<!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>')[0]).toBe('xmlDoctype');
  });

  it('an entity other than XML’s five is named in the error, never expanded', () => {
    expect(errorOf('<a>\n&nbsp;</a>')).toEqual(['xmlEntity', { path: 'f.xml', line: 2, entity: 'nbsp' }]);
    expect(parseXml('<a>&#160;&#x41;&lt;&apos;</a>', 'f').root.children[0]).toMatchObject({ text: '\u00a0A<\'' });
  });

  it('nesting beyond the limit is refused at once', () => {
    const deep = '<a>'.repeat(100_000) + '</a>'.repeat(100_000);
    const t = performance.now();
    expect(errorOf(deep)).toEqual(['xmlTooDeep', { path: 'f.xml', limit: 256 }]);
    expect(performance.now() - t).toBeLessThan(1000);
    expect(errorOf('<a><a><a></a></a></a>', { maxDepth: 2 })[0]).toBe('xmlTooDeep');
  });

  it('text over the size limit is refused before parsing', () => {
    expect(errorOf('<a>' + 'x'.repeat(100) + '</a>', { maxChars: 50 })).toEqual(['fileTooLarge', { path: 'f.xml', size: 107, limit: 50 }]);
  });

  it('malformed XML names the line and column', () => {
    expect(errorOf('<a>\n<b></a>')).toMatchObject(['xmlInvalid', { line: 2, reason: expect.stringMatching(/close tag/) }]);
    for (const bad of ['', 'text', '<a>', '<a b="1" b="2"/>', '<a></a><b/>', '<a>&#0;</a>', '<p:a/>', '<a x=1/>', '<a xmlns:w="u" w:bw:c="1"/>', '<a xmlns:w="u"><w:b:c/></a>']) expect(errorOf(bad)[0]).toBe('xmlInvalid');
  });
});

it('the tree links parents', () => {
  const { root } = parseXml('<a><b><c/></b></a>', 'f');
  const c = (root.children[0] as XmlElement).children[0] as XmlElement;
  expect(c.parent?.local).toBe('b');
  expect(c.parent?.parent).toBe(root);
});
