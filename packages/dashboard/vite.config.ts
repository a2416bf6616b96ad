import { defineConfig } from 'vite';

// The app is served by the coordinator at `/` (assets under /assets/). `pnpm dev` proxies the
// API to a coordinator started with `pnpm conclave serve` (CONCLAVE_URL, default port 7300).
const target = process.env.CONCLAVE_URL ?? 'http://127.0.0.1:7300';

export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', sourcemap: false },
  server: { proxy: { '/api': { target, changeOrigin: false }, '/healthz': target } },
});
