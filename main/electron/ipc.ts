/**
 * IPC registration: one `ipcMain.handle('calque:<method>')` per contract method, each checking the
 * sender and validating the request before core sees it. Replies are IpcReply values, never throws:
 * Electron turns a thrown error into a string "Error invoking remote method…" and loses its code.
 */
import { API_METHODS, CalqueError, type ApiMethod, type CalqueApi, type CalqueEvents, type EventName } from '../contract/api.js';
import { dispatch, toErrorInfo } from '../core/api-schemas.js';
import { EVENT_CHANNEL, INVOKE_PREFIX, type EventMessage, type IpcReply } from '../preload/build-api.js';
import { isAllowedNavigation } from './guards.js';

export { EVENT_CHANNEL, INVOKE_PREFIX };

/** The parts of WebFrameMain the sender check reads. */
export interface FrameLike {
  readonly url: string;
  readonly parent: unknown;
  readonly frameTreeNodeId?: number;
  readonly detached?: boolean;
}

/** The parts of IpcMainInvokeEvent the sender check reads. */
export interface InvokeEventLike {
  readonly sender: { readonly id: number; readonly mainFrame?: FrameLike };
  readonly senderFrame: FrameLike | null;
}

/**
 * Only our window's own top frame, showing an app://calque/ page, may call the API: not a subframe,
 * not another webContents, not a page that navigated elsewhere (Electron security checklist #17).
 */
export function isTrustedSender(event: InvokeEventLike, expectedWebContentsId: number | null | undefined): boolean {
  if (expectedWebContentsId == null || event.sender.id !== expectedWebContentsId) return false;
  let frame: FrameLike | null;
  try {
    frame = event.senderFrame; // null (or a throw in some versions) once the frame navigated away or died
  } catch {
    return false;
  }
  if (!frame || frame.detached === true || frame.parent !== null) return false;
  const main = event.sender.mainFrame;
  if (main && main.frameTreeNodeId !== undefined && frame.frameTreeNodeId !== main.frameTreeNodeId) return false;
  return isAllowedNavigation(frame.url);
}

export interface IpcMainLike<E> {
  handle(channel: string, listener: (event: E, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

/** Counts calls in flight, so closing the window can wait for a save that is still running. */
export class IpcActivity {
  private inFlight = 0;
  private lastChange = Date.now();
  start(): void {
    this.inFlight++;
    this.lastChange = Date.now();
  }
  end(): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
    this.lastChange = Date.now();
  }
  get busy(): boolean {
    return this.inFlight > 0;
  }
  /**
   * Resolve once no call has been in flight for `quietMs` (and at least `minMs` passed, time for the
   * renderer to start a save it was asked for), or after `maxMs` whatever happens.
   */
  waitForQuiet({ minMs = 300, quietMs = 250, maxMs = 2000, pollMs = 50 } = {}): Promise<void> {
    const started = Date.now();
    return new Promise((done) => {
      const tick = () => {
        const now = Date.now();
        const quiet = !this.busy && now - this.lastChange >= quietMs;
        if (now - started >= maxMs || (now - started >= minMs && quiet)) done();
        else setTimeout(tick, pollMs);
      };
      tick();
    });
  }
}

export interface RegisterIpcOptions {
  activity?: IpcActivity;
  /** Unexpected (non-CalqueError) failures: logged here, sent to the page only as `internal`. */
  log?: (message: string, err: unknown) => void;
}

/** Register every contract method; returns a function that removes the handlers again. */
export function registerIpc<E>(
  ipcMain: IpcMainLike<E>,
  api: CalqueApi,
  isTrusted: (event: E) => boolean,
  options: RegisterIpcOptions = {},
): () => void {
  for (const method of API_METHODS) {
    ipcMain.handle(INVOKE_PREFIX + method, async (event, raw) => handleCall(api, method, event, raw, isTrusted, options));
  }
  return () => {
    for (const method of API_METHODS) ipcMain.removeHandler(INVOKE_PREFIX + method);
  };
}

async function handleCall<E>(
  api: CalqueApi,
  method: ApiMethod,
  event: E,
  raw: unknown,
  isTrusted: (event: E) => boolean,
  options: RegisterIpcOptions,
): Promise<IpcReply> {
  let trusted = false;
  try {
    trusted = isTrusted(event);
  } catch {
    trusted = false;
  }
  if (!trusted) {
    options.log?.(`refused ${method} from an untrusted sender`, null);
    return { ok: false, error: { code: 'unauthorized', params: {} } };
  }
  options.activity?.start();
  try {
    return { ok: true, result: await dispatch(api, method, raw) };
  } catch (err) {
    if (!(err instanceof CalqueError)) options.log?.(`${method} failed unexpectedly`, err);
    return { ok: false, error: toErrorInfo(err) };
  } finally {
    options.activity?.end();
  }
}

/** The part of WebContents events are sent through. */
export interface EventSink {
  send(channel: string, message: unknown): void;
  isDestroyed(): boolean;
}

/** Send one typed event; a destroyed window is skipped rather than throwing in main. */
export function sendEvent<E extends EventName>(target: EventSink, name: E, payload: CalqueEvents[E]): void {
  if (target.isDestroyed()) return;
  const message: EventMessage<E> = { name, payload };
  target.send(EVENT_CHANNEL, message);
}

export interface ServiceEvents {
  on(listener: <E extends EventName>(name: E, payload: CalqueEvents[E]) => void): () => void;
}

/** Forward every service event to the window; returns the unsubscribe function (call it on 'closed'). */
export function forwardEvents(service: ServiceEvents, target: EventSink): () => void {
  return service.on((name, payload) => sendEvent(target, name, payload));
}
