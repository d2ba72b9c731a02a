// Built by `npm start` (or `npx vite build --config src/serve/ui/vite.config.ts`) into dist/ui, which
// `readout serve` serves beside the API.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  plugins: [react()],
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('../../../dist/ui/', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 800,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:5170', '/openapi.json': 'http://127.0.0.1:5170' } },
});
