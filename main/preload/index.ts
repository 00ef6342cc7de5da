/**
 * The sandboxed preload (bundled to out/preload/preload.cjs): exposes window.calque and nothing else.
 * No generic send/on: only the contract's methods and the typed event stream (DESIGN.md).
 */
import { contextBridge, ipcRenderer } from 'electron';
import { buildApi } from './build-api.js';

contextBridge.exposeInMainWorld(
  'calque',
  buildApi({
    invoke: (channel, request) => ipcRenderer.invoke(channel, request),
    on: (channel, listener) => void ipcRenderer.on(channel, listener),
    off: (channel, listener) => void ipcRenderer.removeListener(channel, listener),
  }),
);
