// npm run bench: every benchmark, one after another (each also runs on its own).
import { spawnSync } from 'node:child_process'

const BENCHES = ['bench/site-size.ts', 'bench/site-ttfb.ts', 'bench/site-lighthouse.ts']
let failed = false
for (const bench of BENCHES) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', bench], { stdio: 'inherit' })
  console.log('')
  if (result.status !== 0) failed = true
}
process.exitCode = failed ? 1 : 0
