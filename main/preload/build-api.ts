/**
 * window.calque, built from the method table (DESIGN.md "Typed IPC in a few lines of our own").
 * Pure: the preload wires ipcRenderer into it, tests a fake transport. Imports only the contract, so
 * the sandboxed preload bundle stays tiny.
 */
import { API_METHODS, EVENT_NAMES, type ApiMethod, type CalqueApi, type CalqueEvents, type EventName } from '../contract/api.js';

/** `calque:<method>` carries a request; main answers with an IpcReply. */
export const INVOKE_PREFIX = 'calque:';
/** Main → renderer events, as `{ name, payload }`. */
export const EVENT_CHANNEL = 'calque:event';

/** What crosses IPC: a result or an error, never a thrown Error (Electron keeps only its message). */
export type IpcReply<T = unknown> = { ok: true; result: T } | { ok: false; error: { code: string; params: Record<string, string | number> } };

export interface EventMessage<E extends EventName = EventName> {
  name: E;
  payload: CalqueEvents[E];
}

export type BridgeEventListener = <E extends EventName>(name: E, payload: CalqueEvents[E]) => void;

export interface CalqueBridge extends CalqueApi {
  /** Subscribe to main → renderer events; returns the unsubscribe function. */
  onEvent(listener: BridgeEventListener): () => void;
  readonly host: 'electron';
}

/** ipcRenderer, reduced to what the bridge needs. */
export interface BridgeTransport {
  invoke(channel: string, request: unknown): Promise<unknown>;
  /** Listen on a channel; the first listener argument is the IpcRendererEvent, which is never passed on. */
  on(channel: string, listener: (event: unknown, message: unknown) => void): void;
  off(channel: string, listener: (event: unknown, message: unknown) => void): void;
}

/** The rejection value of a failed call: a plain object, because contextBridge drops an Error's own properties. */
export interface BridgeError {
  name: 'CalqueError';
  message: string;
  code: string;
  params: Record<string, string | number>;
}

export function unwrapReply(reply: unknown): unknown {
  if (reply && typeof reply === 'object' && 'ok' in reply) {
    const r = reply as IpcReply;
    if (r.ok === true) return r.result;
    if (r.ok === false && r.error && typeof r.error.code === 'string') throw bridgeError(r.error.code, r.error.params);
  }
  throw bridgeError('internal', {});
}

function bridgeError(code: string, params: Record<string, string | number> | undefined): BridgeError {
  return { name: 'CalqueError', message: code, code, params: { ...(params ?? {}) } };
}

export function buildApi(transport: BridgeTransport): CalqueBridge {
  const calls = {} as Record<ApiMethod, (request: unknown) => Promise<unknown>>;
  for (const method of API_METHODS) {
    calls[method] = (request: unknown) => transport.invoke(INVOKE_PREFIX + method, request ?? {}).then(unwrapReply);
  }

  // One ipcRenderer listener fans out to the page's listeners (no EventEmitter leak warnings).
  const listeners = new Set<BridgeEventListener>();
  const onMessage = (_event: unknown, message: unknown) => {
    if (!isEventMessage(message)) return;
    for (const l of [...listeners]) l(message.name, message.payload);
  };
  const onEvent = (listener: BridgeEventListener): (() => void) => {
    if (typeof listener !== 'function') throw new TypeError('listener must be a function');
    if (listeners.size === 0) transport.on(EVENT_CHANNEL, onMessage);
    listeners.add(listener);
    return () => {
      if (listeners.delete(listener) && listeners.size === 0) transport.off(EVENT_CHANNEL, onMessage);
    };
  };

  return { ...(calls as unknown as CalqueApi), onEvent, host: 'electron' };
}

function isEventMessage(message: unknown): message is EventMessage {
  return (
    !!message &&
    typeof message === 'object' &&
    (EVENT_NAMES as readonly string[]).includes((message as EventMessage).name) &&
    'payload' in message
  );
}
