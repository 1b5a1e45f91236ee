import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { BUILD_OUTPUTS, buildIfChanged, sourceFingerprint } from './build.mjs'

/** A project tree with a few sources, and a build that writes the outputs and counts its runs. */
function project() {
  const root = mkdtempSync(join(tmpdir(), 'haven-build-'))
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true })
    writeFileSync(join(root, path), text)
  }
  write('package-lock.json', '{}')
  write('packages/core/src/i18n/translate.ts', 'export const a = 1')
  write('packages/app/src/main.tsx', 'render()')
  write('packages/server/src/index.ts', 'serve()')
  write('packages/server/src/cli/main.test.ts', 'it()')
  let builds = 0
  const messages: string[] = []
  const run = () =>
    buildIfChanged({
      root,
      force: false,
      log: (message: string) => messages.push(message),
      build: () => {
        builds += 1
        for (const output of BUILD_OUTPUTS) write(output, `build ${builds}`)
      },
    })
  return { root, write, run, builds: () => builds, messages }
}

describe('npm start builds only when the sources changed', () => {
  it('builds the first time, skips an unchanged tree, and rebuilds after a source change', () => {
    const p = project()
    expect(p.run()).toBe(true)
    expect(p.run()).toBe(false)
    expect(p.messages.at(-1)).toMatch(/^Build is up to date \(sources unchanged since /)
    p.write('packages/server/src/index.ts', 'serve(); listen()')
    expect(p.run()).toBe(true)
    expect(p.messages.at(-1)).toBe('Building: sources changed since the last build.')
    expect(p.run()).toBe(false)
    // A new file counts, and so does a dependency update.
    p.write('packages/app/src/new-page.tsx', 'page()')
    expect(p.run()).toBe(true)
    p.write('package-lock.json', '{"lockfileVersion": 3}')
    expect(p.run()).toBe(true)
    expect(p.builds()).toBe(4)
  })

  it('ignores tests, and rebuilds when an output is missing', () => {
    const p = project()
    p.run()
    p.write('packages/server/src/cli/main.test.ts', 'it(); it()')
    expect(p.run()).toBe(false)
    rmSync(join(p.root, 'packages/app/dist/index.html'))
    expect(p.run()).toBe(true)
    expect(p.messages.at(-1)).toBe('Building: packages/app/dist/index.html missing.')
  })

  it('fingerprints content and path, not times', () => {
    const p = project()
    const before = sourceFingerprint(p.root)
    p.write('packages/core/src/i18n/translate.ts', 'export const a = 1')
    expect(sourceFingerprint(p.root)).toBe(before)
    p.write('packages/core/src/i18n/translate.ts', 'export const a = 2')
    expect(sourceFingerprint(p.root)).not.toBe(before)
  })

  it('is what npm start runs, and what npm run build stamps', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))
    expect(pkg.scripts.start).toMatch(/^node scripts\/build\.mjs --if-changed && /)
    expect(pkg.scripts.build).toBe('node scripts/build.mjs')
  })
})
