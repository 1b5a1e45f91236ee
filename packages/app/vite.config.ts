import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import { defineConfig, type Plugin } from 'vite'

/** Text worth compressing; maps are never served, so never compressed. */
const COMPRESSIBLE = /\.(js|css|html|svg|webmanifest|json|txt)$/

/**
 * Writes `<file>.br` (Brotli, best quality) and `<file>.gz` (gzip -9) beside every text file of
 * the build, so the server sends compressed bytes without compressing per request (a 400 kbit/s
 * line is the case this is for: the app's JavaScript shrinks to about a quarter).
 */
function precompress(): Plugin {
  let outDir = 'dist'
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const full = join(dir, name)
      return statSync(full).isDirectory() ? walk(full) : [full]
    })
  return {
    name: 'haven-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = join(config.root, config.build.outDir)
    },
    closeBundle() {
      for (const file of walk(outDir)) {
        if (!COMPRESSIBLE.test(file)) continue
        const body = readFileSync(file)
        if (body.length < 512) continue
        writeFileSync(
          `${file}.br`,
          brotliCompressSync(body, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: 11,
              [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
            },
          }),
        )
        writeFileSync(`${file}.gz`, gzipSync(body, { level: 9 }))
      }
    },
  }
}

/**
 * The reader's messages are asked for by a tiny entry of their own (src/first-messages.ts), whose
 * script comes first in the page: it runs as soon as it arrives rather than after the whole app,
 * one round trip less on a slow line. (Vite folds every script of index.html into one entry, so
 * this one is a separate input whose built name is written into the page here.)
 */
function firstMessagesEntry(): Plugin {
  return {
    name: 'haven-first-messages',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const chunk = Object.values(ctx.bundle ?? {}).find(
          (c) => c.type === 'chunk' && c.isEntry && c.name === 'first-messages',
        )
        if (!chunk) throw new Error('the first-messages entry was not built')
        return html.replace(
          '<head>',
          `<head>\n    <script type="module" crossorigin src="/app/${chunk.fileName}"></script>`,
        )
      },
    },
  }
}

export default defineConfig({
  base: '/app/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  plugins: [firstMessagesEntry(), precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    // Small chunks load well over a poor connection; a warning means it is time to split a view.
    chunkSizeWarningLimit: 200,
    rolldownOptions: {
      input: { index: 'index.html', 'first-messages': 'src/first-messages.ts' },
    },
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
})
