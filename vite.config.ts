import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const repoRoot = fileURLToPath(new URL('.', import.meta.url));
// The dev server forwards the API and the realtime sockets to a server started separately.
const apiTarget = `http://127.0.0.1:${process.env.ENSEMBLE_API_PORT ?? 4322}`;

export default defineConfig({
  root: `${repoRoot}client`,
  plugins: [react()],
  build: {
    outDir: `${repoRoot}dist/client`,
    emptyOutDir: true,
    sourcemap: true,
    // The editor chunk (Tiptap + Yjs) is about 530 kB before compression and loads on demand.
    chunkSizeWarningLimit: 600,
  },
  server: {
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      '/collab': { target: apiTarget, ws: true, changeOrigin: false },
    },
  },
});
