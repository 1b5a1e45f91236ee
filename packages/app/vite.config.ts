import { defineConfig } from 'vite'

export default defineConfig({
  base: '/app/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    // Small chunks load well over a poor connection; a warning means it is time to split a view.
    chunkSizeWarningLimit: 200,
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
})
