import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/** Dev server proxies the API and the FHIR facade to the local Yigong server. */
const target = process.env.YIGONG_API_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: {
      '/api': { target, changeOrigin: false },
      '/fhir': { target, changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
});
