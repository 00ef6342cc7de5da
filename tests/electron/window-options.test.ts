import { describe, expect, it } from 'vitest';
import { createWindowOptions, MIN_HEIGHT, MIN_WIDTH } from '../../main/electron/window-options.js';

describe('createWindowOptions', () => {
  const opts = createWindowOptions('/app/out/preload/preload.cjs', { x: 10, y: 20, width: 1000, height: 700 });
  const web = opts.webPreferences!;

  it('sets every security flag explicitly', () => {
    expect(web.contextIsolation).toBe(true);
    expect(web.sandbox).toBe(true);
    expect(web.nodeIntegration).toBe(false);
    expect(web.nodeIntegrationInWorker).toBe(false);
    expect(web.nodeIntegrationInSubFrames).toBe(false);
    expect(web.webSecurity).toBe(true);
    expect(web.allowRunningInsecureContent).toBe(false);
    expect(web.webviewTag).toBe(false);
    expect(web.experimentalFeatures).toBe(false);
    expect(web.spellcheck).toBe(false);
    expect(web.navigateOnDragDrop).toBe(false);
  });

  it('uses the given preload, bounds and a minimum size', () => {
    expect(web.preload).toBe('/app/out/preload/preload.cjs');
    expect(opts).toMatchObject({ x: 10, y: 20, width: 1000, height: 700, minWidth: MIN_WIDTH, minHeight: MIN_HEIGHT });
  });

  it('stays hidden until ready-to-show and paints a background meanwhile', () => {
    expect(opts.show).toBe(false);
    expect(opts.backgroundColor).toMatch(/^#[0-9a-f]{6}$/i);
    expect(createWindowOptions('p', { width: 900, height: 600 }, { dark: true }).backgroundColor).not.toBe(opts.backgroundColor);
  });

  it('centres a window that has no saved position', () => {
    const o = createWindowOptions('p', { width: 900, height: 600 });
    expect(o.center).toBe(true);
    expect(o.x).toBeUndefined();
  });
});
