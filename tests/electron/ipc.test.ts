import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { API_METHODS, CalqueError, type CalqueApi, type ProjectInfo } from '../../main/contract/api.js';
import { CalqueService } from '../../main/core/service.js';
import {
  EVENT_CHANNEL,
  forwardEvents,
  IpcActivity,
  isTrustedSender,
  registerIpc,
  sendEvent,
  type FrameLike,
  type InvokeEventLike,
} from '../../main/electron/ipc.js';

type Handler = (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>;
function fakeIpcMain() {
  const handlers = new Map<string, Handler>();
  return {
    handlers,
    handle: (channel: string, h: Handler) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, h);
    },
    removeHandler: (channel: string) => void handlers.delete(channel),
    call: (channel: string, event: InvokeEventLike, ...args: unknown[]) => handlers.get(channel)!(event, ...args),
  };
}

const WINDOW_ID = 7;
const mainFrame: FrameLike = { url: 'app://calque/index.html', parent: null, frameTreeNodeId: 1 };
const trustedEvent = (): InvokeEventLike => ({ sender: { id: WINDOW_ID, mainFrame }, senderFrame: mainFrame });

describe('isTrustedSender', () => {
  it('accepts the top frame of our window on an app://calque/ page', () => {
    expect(isTrustedSender(trustedEvent(), WINDOW_ID)).toBe(true);
  });

  it('refuses other windows, other URLs, subframes, missing or detached frames', () => {
    const sub: FrameLike = { url: 'app://calque/index.html', parent: mainFrame, frameTreeNodeId: 2 };
    const cases: [string, InvokeEventLike, number | null][] = [
      ['other webContents', { sender: { id: 8, mainFrame }, senderFrame: mainFrame }, WINDOW_ID],
      ['no window', trustedEvent(), null],
      ['subframe', { sender: { id: WINDOW_ID, mainFrame }, senderFrame: sub }, WINDOW_ID],
      ['other url', { sender: { id: WINDOW_ID, mainFrame }, senderFrame: { ...mainFrame, url: 'https://evil.example/' } }, WINDOW_ID],
      ['file url', { sender: { id: WINDOW_ID, mainFrame }, senderFrame: { ...mainFrame, url: 'file:///index.html' } }, WINDOW_ID],
      ['other app host', { sender: { id: WINDOW_ID, mainFrame }, senderFrame: { ...mainFrame, url: 'app://evil/index.html' } }, WINDOW_ID],
      ['null frame', { sender: { id: WINDOW_ID, mainFrame }, senderFrame: null }, WINDOW_ID],
      ['detached frame', { sender: { id: WINDOW_ID, mainFrame }, senderFrame: { ...mainFrame, detached: true } }, WINDOW_ID],
      ['parentless frame that is not the main frame', { sender: { id: WINDOW_ID, mainFrame }, senderFrame: { ...mainFrame, frameTreeNodeId: 9 } }, WINDOW_ID],
    ];
    for (const [name, event, id] of cases) expect(isTrustedSender(event, id), name).toBe(false);
    const throwing = {
      sender: { id: WINDOW_ID, mainFrame },
      get senderFrame(): FrameLike {
        throw new Error('Render frame was disposed');
      },
    };
    expect(isTrustedSender(throwing, WINDOW_ID)).toBe(false);
  });
});

describe('registerIpc with a fake API', () => {
  const calls: unknown[] = [];
  const api = new Proxy({} as CalqueApi, {
    get: (_t, method) => async (req: unknown) => {
      calls.push([method, req]);
      if (method === 'cancelJob') throw new CalqueError('unknownJob', { jobId: 'x' });
      if (method === 'readDisk') throw new TypeError('boom: /secret/path');
      return { method };
    },
  });
  const ipc = fakeIpcMain();
  const log = vi.fn();
  const dispose = registerIpc(ipc, api, (e) => isTrustedSender(e, WINDOW_ID), { log });

  it('registers exactly one handler per API method', () => {
    expect([...ipc.handlers.keys()].sort()).toEqual(API_METHODS.map((m) => `calque:${m}`).sort());
  });

  it('refuses untrusted senders with unauthorized, without calling the API', async () => {
    calls.length = 0;
    const sub: FrameLike = { url: 'app://calque/index.html', parent: mainFrame, frameTreeNodeId: 3 };
    for (const event of [
      { sender: { id: WINDOW_ID, mainFrame }, senderFrame: sub },
      { sender: { id: 99, mainFrame }, senderFrame: mainFrame },
      { sender: { id: WINDOW_ID, mainFrame }, senderFrame: { ...mainFrame, url: 'https://evil.example/' } },
    ]) {
      expect(await ipc.call('calque:hostInfo', event, {})).toEqual({ ok: false, error: { code: 'unauthorized', params: {} } });
    }
    expect(calls).toEqual([]);
  });

  it('answers invalid arguments with invalidRequest, without calling the API', async () => {
    calls.length = 0;
    for (const [method, raw] of [
      ['getArticle', { id: '../../etc/passwd' }],
      ['getArticle', { id: 42 }],
      ['hostInfo', { extra: true }],
      ['setStatus', { id: 'a.txt', status: 'published' }],
      ['openProject', { root: 'x\0y' }],
    ] as const) {
      const reply = (await ipc.call(`calque:${method}`, trustedEvent(), raw)) as { ok: boolean; error: { code: string } };
      expect(reply.ok, method).toBe(false);
      expect(reply.error.code).toBe('invalidRequest');
    }
    expect(calls).toEqual([]);
  });

  it('passes a valid call through and returns {ok, result}', async () => {
    expect(await ipc.call('calque:getArticle', trustedEvent(), { id: 'news/a.txt' })).toEqual({ ok: true, result: { method: 'getArticle' } });
  });

  it('turns errors into {code, params} replies instead of throwing; unexpected ones become internal', async () => {
    const jobId = '123e4567-e89b-42d3-a456-426614174000';
    expect(await ipc.call('calque:cancelJob', trustedEvent(), { jobId })).toEqual({ ok: false, error: { code: 'unknownJob', params: { jobId: 'x' } } });
    const internal = await ipc.call('calque:readDisk', trustedEvent(), { id: 'a.txt' });
    expect(internal).toEqual({ ok: false, error: { code: 'internal', params: {} } });
    expect(JSON.stringify(internal)).not.toContain('secret');
    expect(log).toHaveBeenCalled();
  });

  it('removes its handlers again', () => {
    dispose();
    expect(ipc.handlers.size).toBe(0);
  });
});

describe('registerIpc with a real CalqueService', () => {
  let root: string;
  let service: CalqueService;
  const ipc = fakeIpcMain();
  const activity = new IpcActivity();

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'calque-ipc-'));
    writeFileSync(join(root, 'a.pt.txt'), 'O gato dorme.\n');
    writeFileSync(join(root, 'a.en.txt'), 'The cat sleep.\n');
    service = new CalqueService({ root, host: { kind: 'electron' } });
    registerIpc(ipc, service, (e) => isTrustedSender(e, WINDOW_ID), { activity });
  });
  afterAll(() => {
    service.dispose();
    rmSync(root, { recursive: true, force: true });
  });

  it('opens the project, reads and saves an article through IPC', async () => {
    const opened = (await ipc.call('calque:openProject', trustedEvent(), {})) as { ok: true; result: ProjectInfo };
    expect(opened.ok).toBe(true);
    expect(opened.result.articles.map((a) => a.id)).toEqual(['a.txt']);
    // pt/en cannot be told apart by the names: nothing is opened for review before the user answers.
    const unconfirmed = (await ipc.call('calque:getArticle', trustedEvent(), { id: 'a.txt' })) as { ok: false; error: { code: string } };
    expect(unconfirmed.error.code).toBe('languagesUnconfirmed');
    await ipc.call('calque:setLanguages', trustedEvent(), { pairs: [{ source: 'pt', target: 'en' }] });
    const article = (await ipc.call('calque:getArticle', trustedEvent(), { id: 'a.txt' })) as { ok: true; result: { revision: string; target: { text: string } } };
    expect(article.result.target.text.trimEnd()).toBe('The cat sleep.');
    const saved = (await ipc.call('calque:saveArticle', trustedEvent(), { id: 'a.txt', text: 'The cat sleeps.', expectedRevision: article.result.revision })) as { ok: boolean };
    expect(saved.ok).toBe(true);
    expect(readFileSync(join(root, 'a.en.txt'), 'utf8')).toBe('The cat sleeps.\n');
    expect(activity.busy).toBe(false);
  });

  it('reports core errors as codes', async () => {
    expect(await ipc.call('calque:getArticle', trustedEvent(), { id: 'missing.txt' })).toEqual({ ok: false, error: { code: 'unknownArticle', params: { id: 'missing.txt' } } });
  });
});

describe('events', () => {
  it('forwards each service event as {name, payload} on calque:event, and nothing else', () => {
    let listener: ((name: 'menu' | 'job', payload: unknown) => void) | null = null;
    const service = { on: vi.fn((l) => ((listener = l), () => (listener = null))) };
    const send = vi.fn();
    const stop = forwardEvents(service, { send, isDestroyed: () => false });
    listener!('menu', { command: 'save' });
    expect(send).toHaveBeenCalledTimes(1);
    expect(send.mock.calls[0]).toEqual([EVENT_CHANNEL, { name: 'menu', payload: { command: 'save' } }]);
    stop();
    expect(listener).toBeNull();
  });

  it('skips a destroyed window', () => {
    const send = vi.fn();
    sendEvent({ send, isDestroyed: () => true }, 'menu', { command: 'save' });
    expect(send).not.toHaveBeenCalled();
  });
});

describe('IpcActivity.waitForQuiet', () => {
  it('waits for a call in flight, but never longer than maxMs', async () => {
    const a = new IpcActivity();
    a.start();
    setTimeout(() => a.end(), 60);
    const t0 = Date.now();
    await a.waitForQuiet({ minMs: 0, quietMs: 20, maxMs: 1000, pollMs: 5 });
    expect(Date.now() - t0).toBeGreaterThanOrEqual(60);
    a.start(); // never ends
    const t1 = Date.now();
    await a.waitForQuiet({ minMs: 0, quietMs: 20, maxMs: 100, pollMs: 5 });
    expect(Date.now() - t1).toBeLessThan(500);
  });
});
