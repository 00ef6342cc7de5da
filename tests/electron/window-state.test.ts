import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MIN_HEIGHT, MIN_WIDTH } from '../../main/electron/window-options.js';
import { fitBounds, MAX_RECENT, pickStartProject, sanitizeState, withRecent, WindowStateStore } from '../../main/electron/window-state.js';

const dir = mkdtempSync(join(tmpdir(), 'calque-state-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const primary = { x: 0, y: 0, width: 1920, height: 1040 };
const second = { x: 1920, y: 0, width: 1280, height: 1000 };
const abs = (name: string) => join(dir, name);

describe('WindowStateStore', () => {
  it('starts from defaults without a file and restores saved bounds', async () => {
    const file = join(dir, 'state.json');
    const store = new WindowStateStore(file);
    const first = await store.load();
    expect(first.maximized).toBe(false);
    expect(first.recent).toEqual([]);
    await store.saveWindow({ x: 100, y: 80, width: 1100, height: 700 }, true);
    const again = new WindowStateStore(file);
    await again.load();
    expect(again.windowBounds([primary])).toEqual({ x: 100, y: 80, width: 1100, height: 700 });
    expect(again.maximized).toBe(true);
  });

  it('falls back to defaults when the file is corrupted or has the wrong shape', async () => {
    for (const content of ['{"bounds": {"width": 10', 'null', '[1,2]', '{"bounds":{"width":"big"},"recent":"nope","maximized":"yes"}', '\u0000\u0001']) {
      const file = join(dir, 'broken.json');
      writeFileSync(file, content);
      const logs: string[] = [];
      const store = new WindowStateStore(file, (m) => logs.push(m));
      const state = await store.load();
      expect(state.maximized).toBe(false);
      expect(state.recent).toEqual([]);
      expect(state.bounds.width).toBeGreaterThanOrEqual(MIN_WIDTH);
      expect(state.bounds.x).toBeUndefined();
    }
  });

  it('keeps recent projects newest first, deduplicated, at most MAX_RECENT, and persists them', async () => {
    const file = join(dir, 'recent.json');
    const store = new WindowStateStore(file);
    await store.load();
    let changes = 0;
    store.onRecentChanged(() => changes++);
    for (let i = 0; i < 12; i++) await store.add(abs(`p${i}`));
    await store.add(abs('p5'));
    await store.add(abs('p5') + '/');
    const list = store.list();
    expect(list).toHaveLength(MAX_RECENT);
    expect(list[0]).toBe(abs('p5'));
    expect(list.filter((p) => p === abs('p5'))).toHaveLength(1);
    expect(list).not.toContain(abs('p0'));
    expect(changes).toBe(14);
    const reloaded = new WindowStateStore(file);
    await reloaded.load();
    expect(reloaded.list()).toEqual(list);
    expect(JSON.parse(readFileSync(file, 'utf8')).recent).toEqual(list);
  });

  it('ignores relative paths and junk in the recent list', () => {
    expect(withRecent([], 'relative/path')).toEqual([]);
    expect(withRecent([], '')).toEqual([]);
    expect(sanitizeState({ recent: [abs('a'), 3, null, 'rel', abs('a'), abs('b')] }).recent).toEqual([abs('a'), abs('b')]);
  });
});

describe('fitBounds', () => {
  it('keeps a window that is on a display', () => {
    expect(fitBounds({ x: 2000, y: 50, width: 1000, height: 800 }, [primary, second])).toEqual({ x: 2000, y: 50, width: 1000, height: 800 });
  });

  it('brings back a window left on a display that is gone, centred on the primary', () => {
    const b = fitBounds({ x: 2000, y: 50, width: 1000, height: 800 }, [primary]);
    expect(b).toEqual({ x: 460, y: 120, width: 1000, height: 800 });
  });

  it('brings back a window whose title bar is off-screen', () => {
    for (const saved of [
      { x: -5000, y: -5000, width: 900, height: 600 },
      { x: 100, y: -500, width: 900, height: 600 },
      { x: 1880, y: 100, width: 900, height: 600 },
    ]) {
      const b = fitBounds(saved, [primary]);
      expect(b.x! >= 0 && b.y! >= 0 && b.x! + b.width <= 1920 && b.y! + b.height <= 1040, JSON.stringify(b)).toBe(true);
    }
  });

  it('shrinks a window larger than its display and enforces the minimum size', () => {
    const big = fitBounds({ x: 0, y: 0, width: 5000, height: 4000 }, [primary]);
    expect(big.width).toBe(1920);
    expect(big.height).toBe(1040);
    const tiny = fitBounds({ x: 10, y: 10, width: 10, height: 10 }, [primary]);
    expect(tiny).toMatchObject({ width: MIN_WIDTH, height: MIN_HEIGHT });
  });

  it('centres a window without a saved position', () => {
    expect(fitBounds({ width: 1000, height: 800 }, [primary])).toEqual({ x: 460, y: 120, width: 1000, height: 800 });
  });
});

describe('pickStartProject', () => {
  it('opens the newest recent folder that still exists, else the sample project, else none', () => {
    expect(pickStartProject(['/gone', '/here'], '/samples', (p) => p === '/here')).toBe('/here');
    expect(pickStartProject(['/gone'], '/samples', (p) => p === '/samples')).toBe('/samples');
    expect(pickStartProject(['/gone'], '/samples', () => false)).toBeUndefined();
    expect(pickStartProject(['/gone'], null, () => true)).toBe('/gone');
    expect(pickStartProject([], null)).toBeUndefined();
    expect(pickStartProject([dir], '/samples')).toBe(dir);
  });
});
