import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';

/**
 * Three builds: the Node side (Electron main + the `calque` CLI, which never imports electron), the
 * sandboxed preload (CommonJS: sandboxed preloads cannot be ESM) and the renderer (served by the
 * app:// protocol in the desktop app and by `calque serve` in a browser).
 */
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          electron: resolve(__dirname, 'main/electron/index.ts'),
          cli: resolve(__dirname, 'main/cli/calque.ts'),
          // The check service's worker thread (main/core/checks/worker/pool.ts finds it next to the bundle).
          'check-worker': resolve(__dirname, 'main/core/checks/worker/entry.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { preload: resolve(__dirname, 'main/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    base: './',
    plugins: [react()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      emptyOutDir: true,
      minify: !process.env.CALQUE_BUILD_NO_MINIFY, // CALQUE_BUILD_NO_MINIFY=1: readable names in CPU profiles
      chunkSizeWarningLimit: 6000,
      rollupOptions: { input: resolve(__dirname, 'renderer/index.html') },
    },
    worker: { format: 'es' },
  },
});
