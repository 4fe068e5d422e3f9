import { defineConfig } from 'vite';

// No @vitejs/plugin-react: Vite 8's built-in oxc transform compiles JSX with React's automatic runtime.
export default defineConfig({
  base: '/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 800 },
  server: {
    // `npm run dev -w @vigil/web` proxies the API to a locally running server.
    proxy: { '/api': process.env.VIGIL_API ?? 'http://127.0.0.1:8080' },
  },
});
