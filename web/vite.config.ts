import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

// The console is built into web/dist, which the API server serves at `/` with an SPA fallback.
// During development `vite --config web/vite.config.ts` proxies /api to a locally running server.
export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: { '/api': process.env.API_URL ?? 'http://127.0.0.1:12345' },
  },
});
