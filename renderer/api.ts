import type { CalqueApi, CalqueEvents, ErrorInfo, EventName } from '../main/contract/api';

/** Errors the renderer can show: the contract's codes plus a lost connection to `calque serve`. */
export interface UiError {
  code: ErrorInfo['code'] | 'network';
  params?: Record<string, string | number>;
}

export type EventListener = <E extends EventName>(name: E, payload: CalqueEvents[E]) => void;

export interface Bridge extends CalqueApi {
  onEvent(listener: EventListener): () => void;
  readonly host: 'electron' | 'browser';
}

declare global {
  interface Window {
    /** Exposed by main/preload in the desktop app; absent in a browser. */
    calque?: Bridge;
  }
}

/** Turn whatever a call rejected with into a UiError (the preload rejects with {code, params}). */
export function toUiError(err: unknown): UiError {
  if (err && typeof err === 'object' && typeof (err as UiError).code === 'string') {
    const e = err as UiError;
    return { code: e.code, params: e.params ?? {} };
  }
  return { code: 'internal', params: {} };
}

// Every event name once (a missing one is a type error), to subscribe to the server-sent events.
const EVENTS: { readonly [K in EventName]: true } = { articleChangedOnDisk: true, job: true, menu: true, articleUpdated: true };

/** The same contract over HTTP (`calque serve`): POST /api/<method>, events as server-sent events. */
function httpBridge(): Bridge {
  const listeners = new Set<EventListener>();
  let source: EventSource | null = null;
  const ensureEvents = () => {
    if (source) return;
    source = new EventSource('/api/events');
    for (const name of Object.keys(EVENTS) as EventName[]) {
      source.addEventListener(name, (ev) => {
        const payload = JSON.parse((ev as MessageEvent<string>).data) as CalqueEvents[typeof name];
        for (const l of listeners) l(name, payload);
      });
    }
  };
  const call = async (method: string, req: unknown): Promise<unknown> => {
    let res: Response;
    try {
      res = await fetch(`/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(req ?? {}),
        credentials: 'same-origin',
      });
    } catch {
      throw { code: 'network', params: {} } satisfies UiError;
    }
    let body: { ok: boolean; result?: unknown; error?: UiError };
    try {
      body = (await res.json()) as typeof body;
    } catch {
      throw { code: res.status === 401 ? 'unauthorized' : 'internal', params: {} } satisfies UiError;
    }
    if (!body.ok) throw body.error ?? ({ code: 'internal', params: {} } satisfies UiError);
    return body.result;
  };
  const base = {
    host: 'browser' as const,
    onEvent(listener: EventListener) {
      ensureEvents();
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
  return new Proxy(base as unknown as Bridge, {
    get(target, prop) {
      if (prop in target) return target[prop as keyof typeof target];
      if (typeof prop !== 'string' || prop === 'then') return undefined;
      return (req: unknown) => call(prop, req);
    },
  });
}

export const api: Bridge = window.calque ?? httpBridge();
