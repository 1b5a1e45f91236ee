import { countOf } from '@haven/core/i18n/plural'
import type { Command } from 'commander'
import { databaseUrlSchema } from '../../config/config-schema.js'
import { generateScale } from '../../synthetic/generate-scale.js'
import { bootForCommand } from '../cli-app.js'
import { CliError, cliConfig, EXIT } from '../cli-config.js'
import { type Progress, progressBar } from '../progress.js'

export interface ScaleFlags {
  people?: string
  distributions?: string
  compartments?: string
  db?: string
  seed: string
}

function count(value: string, name: string): number {
  const n = Number(value.replace(/_/g, ''))
  if (!Number.isSafeInteger(n) || n < 0)
    throw new CliError(`--${name}: "${value}" is not a whole number (example: 1000000)`, EXIT.usage)
  return n
}

/** The generator's flags, shared by `haven generate` and `haven demo --scale`. */
export function addScaleOptions(command: Command, peopleRequired: boolean): Command {
  const people = '--people <n>'
  const peopleHelp = 'how many people (e.g. 1000000)'
  return (
    peopleRequired ? command.requiredOption(people, peopleHelp) : command.option(people, peopleHelp)
  )
    .option(
      '--db <sqlite path | postgres url>',
      'the database to fill (default: DATABASE_URL / DATA_DIR)',
    )
    .option(
      '--distributions <n>',
      'anonymous-headcount distributions over ten years (e.g. 10000000)',
    )
    .option(
      '--compartments <n>',
      'how many compartments (default: one per 25,000 people, at least 3); a smaller run with as many compartments as a large one exercises the same queries',
    )
    .option('--seed <n>', 'seed for reproducible data', '2006')
}

/** Runs the generator with a progress bar per step, then prints the time, rows/s and peak memory. */
export async function runScale(flags: ScaleFlags): Promise<void> {
  if (flags.people === undefined)
    throw new CliError('--people is required (example: --people 1000000)', EXIT.usage)
  if (flags.db !== undefined && !databaseUrlSchema.safeParse(flags.db).success) {
    throw new CliError(
      `--db: "${flags.db}" is not a sqlite file path or postgres:// URL`,
      EXIT.usage,
    )
  }
  const people = count(flags.people, 'people')
  const seed = count(flags.seed, 'seed')
  const distributions =
    flags.distributions === undefined ? 0 : count(flags.distributions, 'distributions')
  const compartments =
    flags.compartments === undefined ? undefined : count(flags.compartments, 'compartments')
  if (compartments === 0)
    throw new CliError(
      '--compartments: must be at least 1 (example: --compartments 40)',
      EXIT.usage,
    )
  if (flags.db) process.env.DATABASE_URL = flags.db
  const config = cliConfig()
  const app = await bootForCommand(config)
  try {
    const bars = new Map<string, Progress>()
    const result = await generateScale(app, {
      people,
      distributions,
      seed,
      ...(compartments ? { peoplePerCompartment: Math.ceil(people / compartments) } : {}),
      onProgress: (step, done, total, already) => {
        let bar = bars.get(step)
        if (!bar) {
          bar = progressBar(`Generating ${step}`, total, step)
          bars.set(step, bar)
        }
        bar.update(done, already)
      },
    })
    for (const bar of bars.values()) bar.stop()
    const written = Object.values(result.rows).reduce((a, b) => a + b, 0)
    const seconds = Math.max(result.seconds, 0.001)
    const tables = Object.entries(result.rows)
      .map(([table, n]) => `${n} ${table}`)
      .join(', ')
    console.log(
      `Wrote ${tables || 'nothing (already complete)'} in ${countOf(result.compartments, 'compartment', 'compartments')} ` +
        `in ${result.seconds.toFixed(1)} s (${Math.round(written / seconds)} rows/s, ${Math.round((result.rows.people ?? 0) / seconds)} people/s) on ${app.database.describe}.`,
    )
    console.log(
      `Memory: ${Math.round(process.memoryUsage().rss / 1048576)} MiB RSS now, ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB at most.`,
    )
  } finally {
    await app.database.close()
  }
}

export function registerGenerate(program: Command): void {
  addScaleOptions(
    program
      .command('generate')
      .description(
        'fill a database with synthetic data at scale (invented people, sealed and indexed like real ones); resumable',
      ),
    true,
  ).action((flags: ScaleFlags) => runScale(flags))
}
