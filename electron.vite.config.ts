import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

// Three targets: main (Electron entry, plus the CLI that shares the Workbench), the sandboxed
// preload, and the React renderer (also what browser mode serves).
export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          cli: resolve(__dirname, 'src/main/cli.ts'),
          'workbench-worker': resolve(__dirname, 'src/main/workbench-worker.ts'),
          'read-worker': resolve(__dirname, 'src/main/ingest/read-worker.ts'),
          'summary-worker': resolve(__dirname, 'src/main/summary-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      rollupOptions: { input: { index: resolve(__dirname, 'src/preload/index.ts') } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    build: {
      minify: true,
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
    },
    plugins: [react()],
  },
});
