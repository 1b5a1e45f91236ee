import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

/**
 * The module rule, checked on every import of the code base:
 * - a module is up to three folders of one name — `core/src/<name>/`, `server/src/modules/<name>/`,
 *   `app/src/modules/<name>/` — and anything outside it imports only that folder's `index.ts`;
 * - the platform (everything else in the packages) imports no module at all; only the
 *   composition roots read the modules lists.
 * Integration suites in `packages/server/test/` may build their fixtures with a module's services,
 * so they are left out; tests beside the code are held to the rule like the code.
 */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..')
const SCANNED = [
  'packages/core/src',
  'packages/disclosure/src',
  'packages/server/src',
  'packages/app/src',
  'bench',
  'e2e',
  'scripts',
]
const SERVER_MODULES = 'packages/server/src/modules'
const APP_MODULES = 'packages/app/src/modules'
/**
 * Files that read the modules lists: where the platform and the modules are put together (and
 * the tools outside the packages that build an AppContext of their own).
 */
const COMPOSITION = [
  /^packages\/server\/src\/server\//,
  /^packages\/server\/src\/cli\//,
  /^packages\/server\/src\/modules\/[^/]+\.ts$/,
  /^packages\/app\/src\/app\.tsx$/,
  /^(bench|e2e|scripts)\//,
]
const LISTS = [`${SERVER_MODULES}/index.ts`, `${APP_MODULES}/index.ts`]

const dirs = (path: string) =>
  readdirSync(join(ROOT, path)).filter((name) => statSync(join(ROOT, path, name)).isDirectory())
const MODULE_NAMES = new Set([...dirs(SERVER_MODULES), ...dirs(APP_MODULES)])

function sourceFiles(path: string): string[] {
  const out: string[] = []
  for (const name of readdirSync(join(ROOT, path))) {
    if (name === 'node_modules' || name === 'dist' || name === 'artifacts') continue
    const child = `${path}/${name}`
    if (statSync(join(ROOT, child)).isDirectory()) out.push(...sourceFiles(child))
    else if (/\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts')) out.push(child)
  }
  return out
}

/** The module a file belongs to (and which of its folders), or null for the platform. */
function moduleOf(file: string): { name: string; folder: string } | null {
  for (const base of [SERVER_MODULES, APP_MODULES, 'packages/core/src']) {
    const match = new RegExp(`^${base}/([^/]+)/`).exec(file)
    if (match?.[1] && MODULE_NAMES.has(match[1]))
      return { name: match[1], folder: `${base}/${match[1]}` }
  }
  return null
}

/** The source file an import names, or null for a package that is not ours. */
function target(file: string, specifier: string): string | null {
  let base: string
  if (specifier.startsWith('@haven/core/')) base = `packages/core/src/${specifier.slice(12)}`
  else if (specifier.startsWith('.')) base = relative(ROOT, resolve(ROOT, dirname(file), specifier))
  else return null
  base = base.replace(/\.js$/, '')
  for (const ext of ['.ts', '.tsx']) {
    try {
      if (statSync(join(ROOT, base + ext)).isFile()) return base + ext
    } catch {}
  }
  return base
}

interface Import {
  file: string
  target: string
}

function imports(): Import[] {
  const out: Import[] = []
  for (const file of SCANNED.flatMap(sourceFiles)) {
    const text = readFileSync(join(ROOT, file), 'utf8')
    for (const match of text.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*'([^']+)'/g)) {
      const to = match[1] ? target(file, match[1]) : null
      if (to) out.push({ file, target: to })
    }
  }
  return out
}

/** Why an import breaks the rule, or null when it keeps it. */
export function violation({ file, target: to }: Import): string | null {
  const into = moduleOf(to)
  const from = moduleOf(file)
  if (LISTS.includes(to))
    return COMPOSITION.some((r) => r.test(file))
      ? null
      : 'only the composition root reads the modules list'
  if (!into || from?.name === into.name || LISTS.includes(file)) return null
  if (!from && !/^(bench|e2e|scripts)\//.test(file))
    return `the platform imports the ${into.name} module`
  return to === `${into.folder}/index.ts` || to === `${into.folder}/index.tsx`
    ? null
    : `reaches inside the ${into.name} module (import its index.ts)`
}

describe('module boundaries', () => {
  const all = imports()

  it('finds the modules and the imports it checks', () => {
    expect([...MODULE_NAMES]).toEqual(expect.arrayContaining(['people', 'shelters', 'supplies']))
    expect(all.length).toBeGreaterThan(1000)
  })

  it('has no import into a module except through its index.ts, and none from the platform', () => {
    const broken = all.flatMap((i) => {
      const why = violation(i)
      return why ? [`${i.file} → ${i.target}: ${why}`] : []
    })
    expect(broken).toEqual([])
  })

  it('would catch a platform file or another module reaching inside a module', () => {
    expect(
      violation({
        file: 'packages/server/src/db/schema.ts',
        target: `${SERVER_MODULES}/people/people-tables.ts`,
      }),
    ).toMatch(/platform/)
    expect(
      violation({
        file: `${SERVER_MODULES}/shelters/shelter-service.ts`,
        target: `${SERVER_MODULES}/people/person-store.ts`,
      }),
    ).toMatch(/inside the people module/)
    expect(
      violation({
        file: `${SERVER_MODULES}/shelters/shelter-service.ts`,
        target: `${SERVER_MODULES}/people/index.ts`,
      }),
    ).toBeNull()
    expect(
      violation({
        file: 'packages/server/src/site/site-app.tsx',
        target: `${SERVER_MODULES}/index.ts`,
      }),
    ).toMatch(/composition root/)
  })
})
