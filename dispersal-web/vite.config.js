import { defineConfig } from 'vite';

// The build must work offline from the npm cache and produce files the server can serve under a
// strict Content-Security-Policy (default-src 'self'): no inline scripts, no data: URLs.
export default defineConfig({
  base: './',
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 1500,
  },
  server: {
    // `npm run dev` against a running `dispersal serve` on the default port.
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
  test: {
    include: ['test/**/*.test.js'],
    environment: 'node',
  },
});
