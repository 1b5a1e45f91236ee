import { readFile } from 'node:fs/promises'

/** Loads `…?raw` imports as a module whose default export is the file's text (as Vite and build.mjs do). */
export async function load(url, context, nextLoad) {
  const at = url.indexOf('?raw')
  if (at < 0) return nextLoad(url, context)
  const text = await readFile(new URL(url.slice(0, at)), 'utf-8')
  return { format: 'module', source: `export default ${JSON.stringify(text)}`, shortCircuit: true }
}
