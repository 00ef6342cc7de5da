/**
 * `calque serve` writes API results with stringifyInSlices: a book's check reply must come out exactly as
 * JSON.stringify wrote it, while the event loop gets through between slices (issue 12: the server was
 * silent for the whole JSON.stringify of a book's findings).
 */
import { describe, expect, it } from 'vitest';
import { stringifyInSlices } from '../../main/serve/json-slices.js';

async function collect(value: unknown): Promise<{ text: string; pieces: number; sliced: boolean }> {
  const pieces: string[] = [];
  const { sliced } = await stringifyInSlices(value, (p) => pieces.push(p));
  return { text: pieces.join(''), pieces: pieces.length, sliced };
}

/** What a book's checkArticle reply looks like: long arrays of small objects, some fields undefined. */
function bookReply(n: number) {
  return {
    ok: true,
    result: {
      alignment: {
        source: Array.from({ length: n }, (_, k) => ({ start: k * 10, end: k * 10 + 9, paragraph: k >> 3 })),
        target: Array.from({ length: n }, (_, k) => ({ start: k * 11, end: k * 11 + 10, paragraph: k >> 3 })),
        links: Array.from({ length: n }, (_, k) => ({ source: [k], target: k % 50 ? [k] : [] })),
      },
      findings: Array.from({ length: n / 2 }, (_, k) => ({ id: `f${k}`, message: `Número "${k}"\n\u2028<b>`, fix: k % 3 ? undefined : { text: 'x' }, at: new Date(k * 1e9) })),
      ignored: 0,
      pending: undefined,
      skip: () => 1,
      holes: [undefined, () => 2, Symbol('s'), null, NaN, -0],
    },
  };
}

describe('stringifyInSlices', () => {
  it('writes exactly what JSON.stringify writes, for a book-sized reply and for small values', async () => {
    const big = bookReply(30_000);
    const out = await collect(big);
    expect(out.sliced).toBe(true);
    expect(out.text).toBe(JSON.stringify(big));
    for (const small of [{ ok: true, result: { a: [1, 2], b: 'é' } }, [], {}, [[]], 'text', 3, null, { ok: true, result: [bookReply(10)] }]) {
      const s = await collect(small);
      expect(s).toEqual({ text: JSON.stringify(small), pieces: 1, sliced: false });
    }
  });

  it('lets other work run while a big reply is written', async () => {
    let ticks = 0;
    let done = false;
    const timer = setInterval(() => ticks++, 0);
    const writing = stringifyInSlices(bookReply(60_000), () => undefined).then(() => (done = true));
    // Timers and I/O callbacks get their turn before the reply is finished.
    await new Promise((r) => setTimeout(r, 1));
    expect(done).toBe(false);
    await writing;
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(0);
  });
});

describe('stringifyInSlices on long texts (a million-line article has three texts of 10 MB in its view)', () => {
  const text = Array.from({ length: 40_000 }, (_, k) => `Linha ${k}: "aspas", \\ barra, \u2028 e 😀 emoji\t${k % 7 ? '' : '\u0001'}`).join('\n');

  it('writes exactly what JSON.stringify writes, a slice at a time, never splitting an emoji', async () => {
    for (const value of [{ ok: true, result: { source: { text }, target: { text: text.slice(1) }, baseline: text.slice(3) } }, text, [text, 'x'], 'a'.repeat(65_535) + '😀'.repeat(70_000)]) {
      const out = await collect(value);
      expect(out.sliced).toBe(true);
      expect(out.pieces).toBeGreaterThan(3);
      expect(out.text).toBe(JSON.stringify(value));
    }
  });

  it('waits for the writer between slices', async () => {
    let pauses = 0;
    let written = 0;
    await stringifyInSlices({ ok: true, result: { text } }, (p) => (written += p.length), async () => {
      pauses++;
      await new Promise((r) => setImmediate(r));
    });
    expect(written).toBe(JSON.stringify({ ok: true, result: { text } }).length);
    expect(pauses).toBeGreaterThanOrEqual(Math.floor(text.length / 65_536));
  });
});

describe('a reply whose client went away', () => {
  it('stops at the first pause that refuses to go on: the rest is not worked out', async () => {
    const text = 'x'.repeat(65_536 * 40);
    let emitted = 0;
    let pauses = 0;
    const gone = new Error('client gone');
    const writing = stringifyInSlices({ ok: true, result: { text } }, (p) => (emitted += p.length), async () => {
      if (++pauses === 3) throw gone;
    });
    await expect(writing).rejects.toBe(gone);
    expect(pauses).toBe(3);
    expect(emitted).toBeLessThan(65_536 * 4);
  });
});
