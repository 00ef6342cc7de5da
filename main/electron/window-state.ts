/**
 * What the desktop app remembers between runs: the window's bounds and the recent projects, in one
 * JSON file under userData. Pure (file path in, atomic writes out), so it is tested without Electron.
 */
import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { writeFileAtomic } from '../core/platform/atomic-write.js';
import { DEFAULT_BOUNDS, MIN_HEIGHT, MIN_WIDTH, type WindowBounds } from './window-options.js';

export const MAX_RECENT = 10;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface AppState {
  bounds: WindowBounds;
  maximized: boolean;
  /** Project folders, newest first. */
  recent: string[];
}

export function defaultState(): AppState {
  return { bounds: { ...DEFAULT_BOUNDS }, maximized: false, recent: [] };
}

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Whatever the file holds, keep only what is well-formed (a hand-edited or half-written file must not stop the app). */
export function sanitizeState(raw: unknown): AppState {
  const state = defaultState();
  if (!raw || typeof raw !== 'object') return state;
  const r = raw as { bounds?: Partial<Record<keyof WindowBounds, unknown>>; maximized?: unknown; recent?: unknown };
  const b = r.bounds;
  if (b && typeof b === 'object' && isNum(b.width) && isNum(b.height)) {
    state.bounds = { width: Math.round(b.width), height: Math.round(b.height) };
    if (isNum(b.x) && isNum(b.y)) Object.assign(state.bounds, { x: Math.round(b.x), y: Math.round(b.y) });
  }
  state.maximized = r.maximized === true;
  if (Array.isArray(r.recent)) {
    for (const p of r.recent) if (typeof p === 'string') state.recent = withRecent(state.recent, p, true);
  }
  return state;
}

/** Add a folder to a recent list: newest first, no duplicates, at most MAX_RECENT. `append` adds at the end (loading). */
export function withRecent(list: readonly string[], folder: string, append = false): string[] {
  if (!folder || folder.includes('\0') || !isAbsolute(folder)) return [...list];
  const p = normalizeFolder(folder);
  const rest = list.filter((x) => normalizeFolder(x) !== p);
  return (append ? [...rest, p] : [p, ...rest]).slice(0, MAX_RECENT);
}

function normalizeFolder(p: string): string {
  const r = resolve(p);
  return r.length > 1 ? r.replace(/[\\/]+$/, '') || r : r;
}

function area(a: Rect, b: Rect): { w: number; h: number } {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return { w: Math.max(0, w), h: Math.max(0, h) };
}

/**
 * Bounds safe to open with on the displays present now (work areas, the primary first): a window
 * saved on a monitor that is gone, or dragged off-screen, comes back centred on the primary display;
 * a window larger than its display is shrunk to it.
 */
export function fitBounds(saved: WindowBounds, displays: readonly Rect[]): WindowBounds {
  const primary = displays[0];
  let width = Math.max(MIN_WIDTH, saved.width);
  let height = Math.max(MIN_HEIGHT, saved.height);
  if (!primary) return { width, height };
  const center = (d: Rect): WindowBounds => {
    const w = Math.min(width, d.width);
    const h = Math.min(height, d.height);
    return { x: Math.round(d.x + (d.width - w) / 2), y: Math.round(d.y + (d.height - h) / 2), width: w, height: h };
  };
  if (saved.x === undefined || saved.y === undefined) return center(primary);
  // Reachable means a strip of the title bar can still be grabbed on some display.
  const titleBar: Rect = { x: saved.x, y: saved.y, width, height: 32 };
  const host = displays.find((d) => {
    const v = area(titleBar, d);
    return v.w >= 100 && v.h >= 16;
  });
  if (!host) return center(primary);
  width = Math.min(width, host.width);
  height = Math.min(height, host.height);
  return { x: saved.x, y: saved.y, width, height };
}

/**
 * The state file. Writes are atomic and serialized (the last one wins, never a torn file);
 * a failed write is logged, not thrown: losing the window size must never stop the app.
 */
export class WindowStateStore {
  private state: AppState = defaultState();
  private writing: Promise<void> = Promise.resolve();
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly file: string,
    private readonly log: (message: string) => void = () => {},
  ) {}

  async load(): Promise<AppState> {
    try {
      this.state = sanitizeState(JSON.parse(await readFile(this.file, 'utf8')));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') this.log(`ignoring unreadable state file ${this.file}: ${String(err)}`);
      this.state = defaultState();
    }
    return this.snapshot();
  }

  snapshot(): AppState {
    return { bounds: { ...this.state.bounds }, maximized: this.state.maximized, recent: [...this.state.recent] };
  }

  /** The bounds to open the window with on the given displays. */
  windowBounds(displays: readonly Rect[]): WindowBounds {
    return fitBounds(this.state.bounds, displays);
  }

  get maximized(): boolean {
    return this.state.maximized;
  }

  saveWindow(bounds: Rect, maximized: boolean): Promise<void> {
    this.state.bounds = sanitizeState({ bounds }).bounds;
    this.state.maximized = maximized;
    return this.persist();
  }

  /** HostAdapter.recent: the service adds every project it opens. */
  list(): string[] {
    return [...this.state.recent];
  }

  add(folder: string): Promise<void> {
    this.state.recent = withRecent(this.state.recent, folder);
    for (const l of this.listeners) l();
    return this.persist();
  }

  /** Called after the recent list changed (the menu's Open Recent is rebuilt). */
  onRecentChanged(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves when every write asked for so far is on disk. */
  flush(): Promise<void> {
    return this.writing;
  }

  private persist(): Promise<void> {
    const data = new TextEncoder().encode(JSON.stringify({ version: 1, ...this.state }, null, 2) + '\n');
    this.writing = this.writing
      .then(() => writeFileAtomic(this.file, data))
      .catch((err: unknown) => this.log(`could not save ${this.file}: ${String(err)}`));
    return this.writing;
  }
}

/**
 * The project to open at start: the newest recent folder that still exists, else the sample project,
 * else none (the renderer's first openProject then shows the folder dialog).
 */
export function pickStartProject(
  recent: readonly string[],
  fallback: string | null,
  isFolder: (p: string) => boolean = isDirectory,
): string | undefined {
  return recent.find((p) => isFolder(p)) ?? (fallback !== null && isFolder(fallback) ? fallback : undefined);
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}
