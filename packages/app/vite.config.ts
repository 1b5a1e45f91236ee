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

/**
 * What every screen runs: preact, the app's lib/ and components/, the formatter. One chunk, so a
 * cold start fetches it in one request: on a 400 ms line over HTTP/1.1 (six connections) a dozen
 * small files cost more round trips than bytes. The first-messages entry's own code stays apart
 * (it must arrive alone and early), as does code only some screens need (passkeys).
 */
const SHELL =
  /\/node_modules\/(preact|@preact\/signals|@preact\/signals-core|preact-iso)\/|\/packages\/app\/src\/(lib|components)\/|\/packages\/core\/src\/(i18n\/(format|format-message|plural)|validation\/field-issues|identity\/password-policy|people\/(case|person)-codes|auth\/abilities)\./
const NOT_SHELL = /\/(passkeys|reauth-form)\.tsx?$/

/** The first-messages entry and what it runs: small, and needed before anything else. */
const FIRST_LOCALE =
  /\/packages\/(app\/src\/lib\/first-locale|core\/src\/i18n\/(locales|negotiate-locale))\.ts$/

/** The people list's parts shared with the other people pages, in one chunk beside the list's. */
const PEOPLE_PARTS =
  /\/packages\/app\/src\/modules\/people\/(people-parts|shredded-compartments|export-button|identifying-export)\.tsx?$/

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
      output: {
        codeSplitting: {
          groups: [
            { name: 'first-locale', test: FIRST_LOCALE, priority: 3 },
            { name: 'shell', test: (id) => SHELL.test(id) && !NOT_SHELL.test(id), priority: 2 },
            { name: 'people-parts', test: PEOPLE_PARTS, priority: 1 },
          ],
        },
      },
    },
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
})
