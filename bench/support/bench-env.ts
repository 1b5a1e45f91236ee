import { cpus, totalmem } from 'node:os'

/** The first lines of every benchmark's output: when, on what, so figures can be compared. */
export function printHeader(title: string): void {
  const cpu = cpus()
  console.log(`# ${title}`)
  console.log(`date:   ${new Date().toISOString()}`)
  console.log(`cores:  ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}`)
  console.log(
    `memory: ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}, ${process.platform}`,
  )
  console.log('')
}

/** Percentile of already sorted numbers (nearest rank). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN
}

/** A table of rows as aligned text. */
export function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? []
  return rows
    .map((r) =>
      r
        .map((cell, i) => cell.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n')
}
