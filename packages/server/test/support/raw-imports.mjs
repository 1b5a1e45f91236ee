// `node --import tsx --import ./raw-imports.mjs src/index.ts`: runs the `haven` command from the
// sources (tests of the CLI as a process), with `import text from './x.css?raw'` as the build has it.
import { register } from 'node:module'

register('./raw-import-hook.mjs', import.meta.url)
