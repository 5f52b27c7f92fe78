import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The server serves dist/ at `/`; in development Vite proxies the API to a running server.
// MapLibre (about 1 MB) is split into the map page's own chunk, hence the higher warning limit.
export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 1200 },
  server: { proxy: { '/api': `http://127.0.0.1:${process.env.PARLEY_PORT ?? 8080}` } },
});
