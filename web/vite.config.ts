// The build configuration runs in Node, not in the browser: the web/ fence against node:* does not apply.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('..', import.meta.url));

// The web app: root web/, built into dist/web (served by the API server with a strict CSP, so the
// output must contain no inline script or style). In development /api goes to the local server.
export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    assetsInlineLimit: 0, // no data: URLs for scripts or fonts; every asset is a file under 'self'
    chunkSizeWarningLimit: 400,
    rollupOptions: {
      output: {
        // Libraries change less often than the app: separate chunks stay cached across releases.
        manualChunks(id) {
          if (!id.includes('node_modules')) return undefined;
          if (/node_modules\/(react|react-dom|scheduler|react-router)\//.test(id)) return 'vendor-react';
          if (id.includes('@radix-ui') || id.includes('radix-ui') || id.includes('@floating-ui'))
            return 'vendor-ui';
          if (/react-intl|@formatjs|intl-messageformat/.test(id)) return 'vendor-intl';
          if (/zod|react-hook-form|@hookform/.test(id)) return 'vendor-forms';
          return 'vendor';
        },
      },
    },
  },
  server: {
    port: 5173,
    fs: { allow: [repoRoot] },
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
