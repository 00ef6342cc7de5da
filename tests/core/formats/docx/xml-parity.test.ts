import { describe, expect, it } from 'vitest';
import { CalqueError } from '../../../../main/contract/api.js';
import { parseXml as fast } from '../../../../main/core/formats/docx/xml.js';
import { openZip, readEntry } from '../../../../main/core/formats/docx/zip.js';
import { parseXml as shared, type XmlNode } from '../../../../main/core/formats/xml/index.js';
import { prng } from '../../../../conformance/docx-fuzz.js';
import { richDocx } from '../../../helpers/docx-fixture.js';

/** A tree as comparable data: every node's kind, names, namespace, attributes, text and offsets. */
function shape(n: XmlNode): unknown {
  if (n.type === 'element') return [n.name, n.local, n.uri, n.attrs.map((a) => [a.name, a.local, a.uri, a.value]), n.start, n.openEnd, n.closeStart, n.end, n.selfClosing, n.children.map(shape)];
  if (n.type === 'text') return ['#text', n.text, n.start, n.end, n.cdata];
  return [n.type, n.start, n.end];
}

function outcome(parse: typeof fast, raw: string): unknown {
  try {
    return shape(parse(raw, 'p.xml').root);
  } catch (err) {
    if (err instanceof CalqueError) return err.code;
    throw err;
  }
}

const parts = openZip(richDocx(), 'x')
  .entries.filter((e) => e.name.endsWith('.xml') || e.name.endsWith('.rels'))
  .map((e) => new TextDecoder().decode(readEntry(e, 'x')));

describe('the DOCX XML reader agrees with the shared safe reader', () => {
  it('on every part of a Word document: the same tree, offsets and decoded text', () => {
    for (const raw of parts) expect(outcome(fast, raw)).toEqual(outcome(shared, raw));
  });

  it('on the inputs the shared reader refuses: the same error', () => {
    const bad = [
      '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>',
      '<x>&nbsp;</x>',
      '<x><y></x>',
      '<x a="1" a="2"/>',
      '<x>',
      '<a:x/>',
      'text<x/>',
      '<x/><y/>',
      '<x>&#xD800;</x>',
      `${'<d>'.repeat(300)}${'</d>'.repeat(300)}`,
    ];
    for (const raw of bad) expect([raw.slice(0, 30), outcome(fast, raw)]).toEqual([raw.slice(0, 30), outcome(shared, raw)]);
  });

  it('on mutated parts: the same outcome (tree or error code)', () => {
    const r = prng(7);
    const doc = parts.find((p) => p.includes('<w:body>'))!;
    let agreed = 0;
    for (let i = 0; i < 1500; i++) {
      const at = Math.floor(r() * doc.length);
      const cut = doc.slice(0, at) + doc.slice(at + Math.floor(r() * 20));
      const a = outcome(fast, cut);
      const b = outcome(shared, cut);
      // Both accept the same texts and refuse the same ones.
      expect(typeof a === 'string').toBe(typeof b === 'string');
      if (typeof a !== 'string') expect(a).toEqual(b);
      agreed++;
    }
    expect(agreed).toBe(1500);
  });
});
