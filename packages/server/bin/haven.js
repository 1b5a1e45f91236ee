#!/usr/bin/env node
// The `haven` command. It runs the bundled server built by `npm run build`.
import { existsSync } from 'node:fs'

const bundle = new URL('../dist/haven.js', import.meta.url)
if (!existsSync(bundle)) {
  process.stderr.write(
    'Haven is not built yet. Run "npm run build" (or "npm install") in the project folder first.\n',
  )
  process.exit(1)
}
await import(bundle.href)
