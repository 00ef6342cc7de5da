import { describe, expect, it, vi } from 'vitest';
import { API_METHODS } from '../../main/contract/api.js';
import { buildApi, EVENT_CHANNEL, unwrapReply, type BridgeTransport } from '../../main/preload/build-api.js';

function fakeTransport(reply: (channel: string, req: unknown) => unknown) {
  const listeners = new Map<string, Set<(event: unknown, message: unknown) => void>>();
  const transport: BridgeTransport = {
    invoke: vi.fn(async (channel: string, req: unknown) => reply(channel, req)),
    on: (channel, l) => void (listeners.get(channel) ?? listeners.set(channel, new Set()).get(channel)!).add(l),
    off: (channel, l) => void listeners.get(channel)?.delete(l),
  };
  const emit = (message: unknown) => {
    const rawEvent = { sender: { send() {} }, ports: [], senderId: 0 }; // stands for IpcRendererEvent
    for (const l of listeners.get(EVENT_CHANNEL) ?? []) l(rawEvent, message);
  };
  return { transport, emit, count: () => listeners.get(EVENT_CHANNEL)?.size ?? 0 };
}

describe('buildApi', () => {
  it('exposes exactly the API methods, onEvent and host', () => {
    const api = buildApi(fakeTransport(() => ({ ok: true, result: null })).transport);
    expect(Object.keys(api).sort()).toEqual([...API_METHODS, 'onEvent', 'host'].sort());
    expect(api.host).toBe('electron');
    for (const m of API_METHODS) expect(typeof api[m]).toBe('function');
  });

  it('invokes calque:<method> and unwraps the result', async () => {
    const { transport } = fakeTransport((channel) => ({ ok: true, result: { channel } }));
    const api = buildApi(transport);
    await expect(api.getArticle({ id: 'a.txt' })).resolves.toEqual({ channel: 'calque:getArticle' });
    expect(transport.invoke).toHaveBeenCalledWith('calque:getArticle', { id: 'a.txt' });
  });

  it('rejects with a plain {code, params} object the page can read', async () => {
    const api = buildApi(fakeTransport(() => ({ ok: false, error: { code: 'conflict', params: { id: 'a.txt' } } })).transport);
    const err = await api.saveArticle({ id: 'a.txt', text: '', expectedRevision: 'r' }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'conflict', params: { id: 'a.txt' }, message: 'conflict' });
    // Plain data: survives contextBridge, which keeps only the message of a real Error.
    expect(Object.getPrototypeOf(err)).toBe(Object.prototype);
    expect(structuredClone(err)).toEqual(err);
  });

  it('treats a malformed reply as internal', () => {
    for (const bad of [undefined, null, 'x', {}, { ok: false }, { ok: false, error: {} }]) {
      expect(() => unwrapReply(bad)).toThrow(expect.objectContaining({ code: 'internal' }));
    }
  });

  it('calls event listeners with (name, payload) only, never the IpcRendererEvent', () => {
    const { transport, emit, count } = fakeTransport(() => null);
    const api = buildApi(transport);
    const seen: unknown[][] = [];
    const stop = api.onEvent((...args: unknown[]) => void seen.push(args));
    emit({ name: 'menu', payload: { command: 'save' } });
    emit({ name: 'notAnEvent', payload: {} });
    emit('garbage');
    expect(seen).toEqual([['menu', { command: 'save' }]]);
    expect(count()).toBe(1);
    const second = api.onEvent(() => {});
    expect(count()).toBe(1); // one ipcRenderer listener however many page listeners
    stop();
    emit({ name: 'job', payload: { jobId: 'j', done: 1, total: 2, state: 'running' } });
    expect(seen).toHaveLength(1);
    second();
    expect(count()).toBe(0);
  });
});
