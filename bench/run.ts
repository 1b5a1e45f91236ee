// `npm run bench [name …]`: runs every benchmark in this folder (or those named), one after the
// other so they do not compete for the two cores, and prints what each prints.
import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const here = fileURLToPath(new URL('.', import.meta.url))
const wanted = process.argv.slice(2)
const benches = readdirSync(here)
  .filter(
    (f) => f.endsWith('.ts') && f !== 'run.ts' && !f.endsWith('.test.ts') && !f.endsWith('.d.ts'),
  )
  .map((f) => f.replace(/\.ts$/, ''))
  .filter((name) => wanted.length === 0 || wanted.includes(name))
  .sort()

if (benches.length === 0) {
  console.error(
    `No benchmark matches ${wanted.join(', ')}. Available: ${readdirSync(here)
      .filter((f) => f.endsWith('.ts') && f !== 'run.ts')
      .join(', ')}`,
  )
  process.exit(2)
}
let failed = 0
for (const name of benches) {
  console.log(`\n━━ ${name} ━━`)
  const result = spawnSync(process.execPath, ['--import', 'tsx', `${here}${name}.ts`], {
    stdio: 'inherit',
    env: process.env,
  })
  if (result.status !== 0) {
    failed += 1
    console.error(`${name} exited with ${result.status}`)
  }
}
process.exit(failed === 0 ? 0 : 1)
