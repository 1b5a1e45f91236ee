// `npm run build` checks the app's API types against the routes (scripts/api-types.ts), builds
// the staff app (Vite) and the server bundle (esbuild), then writes a stamp:
// a SHA-256 of every source file that goes into them. `npm start` runs this with --if-changed and
// builds only when that fingerprint differs from the stamp (or an output is missing), so a second
// start is near-instant and a start after any source change still rebuilds first.
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/** What the two builds read: sources, their configs, and the installed dependency versions. */
export const BUILD_INPUTS = [
  'package.json',
  'package-lock.json',
  'tsconfig.base.json',
  'packages/core/src',
  'packages/core/package.json',
  'packages/disclosure/src',
  'packages/disclosure/package.json',
  'packages/app/src',
  'packages/app/public',
  'packages/app/index.html',
  'packages/app/vite.config.ts',
  'packages/app/package.json',
  'packages/server/src',
  'packages/server/build.mjs',
  'packages/server/package.json',
]

/** What the builds write; if one is missing the build runs whatever the stamp says. */
export const BUILD_OUTPUTS = ['packages/app/dist/index.html', 'packages/server/dist/haven.js']

export const STAMP = 'packages/server/dist/build-stamp.json'

/** Tests are not built into anything: editing one needs no rebuild. */
const isTest = (name) => /\.test\.[cm]?[jt]sx?$/.test(name)

/** Every file under `path` (a file or a folder), relative to `root`, tests and node_modules left out. */
function listFiles(root, path) {
  const full = join(root, path)
  if (!existsSync(full)) return []
  if (!statSync(full).isDirectory()) return [path]
  return readdirSync(full, { withFileTypes: true }).flatMap((entry) => {
    const child = join(path, entry.name)
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : listFiles(root, child)
    return entry.isFile() && !isTest(entry.name) ? [child] : []
  })
}

/**
 * SHA-256 over every input file's path and content, in path order.
 * @param {string} root
 * @param {string[]} [inputs]
 * @returns {string}
 */
export function sourceFingerprint(root, inputs = BUILD_INPUTS) {
  const hash = createHash('sha256')
  for (const file of inputs.flatMap((input) => listFiles(root, input)).sort()) {
    hash.update(`${file}\0`)
    hash.update(readFileSync(join(root, file)))
    hash.update('\0')
  }
  return hash.digest('hex')
}

function readStamp(root) {
  try {
    return JSON.parse(readFileSync(join(root, STAMP), 'utf8'))
  } catch {
    return null
  }
}

/**
 * Builds unless the outputs exist and the stamp matches the sources; returns whether it built.
 * `build` runs the real builds (injected, so the decision can be tested without them).
 * @param {{ root: string, build: () => void, log: (message: string) => void, force?: boolean,
 *   inputs?: string[], outputs?: string[] }} options
 * @returns {boolean}
 */
export function buildIfChanged({ root, build, log, force = false, inputs, outputs }) {
  const fingerprint = sourceFingerprint(root, inputs ?? BUILD_INPUTS)
  const stamp = readStamp(root)
  const missing = (outputs ?? BUILD_OUTPUTS).filter((file) => !existsSync(join(root, file)))
  if (!force && missing.length === 0 && stamp?.fingerprint === fingerprint) {
    log(`Build is up to date (sources unchanged since ${stamp.builtAt}).`)
    return false
  }
  if (!force)
    log(
      missing.length > 0
        ? `Building: ${missing.join(', ')} missing.`
        : 'Building: sources changed since the last build.',
    )
  build()
  const stampFile = join(root, STAMP)
  mkdirSync(dirname(stampFile), { recursive: true })
  writeFileSync(
    stampFile,
    `${JSON.stringify({ fingerprint, builtAt: new Date().toISOString() }, null, 2)}\n`,
  )
  return true
}

function runBuilds(root) {
  // The app's API types must match the routes (scripts/api-types.ts): a route changed without
  // `npm run api-types` stops the build here rather than shipping an app typed against the past.
  const types = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'scripts/api-types.ts', '--check'],
    { cwd: root, stdio: 'inherit' },
  )
  if (types.status !== 0) process.exit(types.status ?? 1)
  for (const workspace of ['@haven/app', '@haven/server']) {
    const result = spawnSync('npm', ['run', 'build', '--silent', '--workspace', workspace], {
      cwd: root,
      stdio: 'inherit',
    })
    if (result.status !== 0) {
      console.error(`The build of ${workspace} failed (exit ${result.status}).`)
      process.exit(result.status ?? 1)
    }
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
  buildIfChanged({
    root,
    build: () => runBuilds(root),
    log: (message) => console.error(message),
    force: !process.argv.includes('--if-changed'),
  })
}
