import type { Command } from 'commander'
import { databaseUrlSchema } from '../../config/config-schema.js'
import { boot } from '../../server/boot.js'
import { createLogger } from '../../server/logger.js'
import { generateScale } from '../../synthetic/generate-scale.js'
import { CliError, cliConfig, EXIT } from '../cli-config.js'
import { progressBar } from '../progress.js'

function count(value: string, name: string): number {
  const n = Number(value.replace(/_/g, ''))
  if (!Number.isSafeInteger(n) || n < 0)
    throw new CliError(`--${name}: "${value}" is not a whole number (example: 1000000)`, EXIT.usage)
  return n
}

export function registerGenerate(program: Command): void {
  program
    .command('generate')
    .description(
      'fill a database with synthetic data at scale (invented people, sealed and indexed like real ones); resumable',
    )
    .requiredOption('--people <n>', 'how many people (e.g. 1000000)')
    .option(
      '--db <sqlite path | postgres url>',
      'the database to fill (default: DATABASE_URL / DATA_DIR)',
    )
    .option('--seed <n>', 'seed for reproducible data', '2006')
    .action(async (options: { people: string; db?: string; seed: string }) => {
      if (options.db !== undefined && !databaseUrlSchema.safeParse(options.db).success) {
        throw new CliError(
          `--db: "${options.db}" is not a sqlite file path or postgres:// URL`,
          EXIT.usage,
        )
      }
      if (options.db) process.env.DATABASE_URL = options.db
      const people = count(options.people, 'people')
      const config = cliConfig()
      const app = await boot(config, createLogger('warn'), {
        onWarning: (m) => process.stderr.write(`${m}\n`),
      })
      try {
        const bar = progressBar('Generating people', people, 'people')
        const result = await generateScale(app, {
          people,
          seed: count(options.seed, 'seed'),
          onProgress: (_step, done) => bar.update(done),
        })
        bar.stop()
        const rows = result.people + result.cases + result.terms
        console.log(
          `Wrote ${result.people} people, ${result.cases} cases and ${result.terms} index terms in ${result.compartments} compartments ` +
            `in ${result.seconds.toFixed(1)} s (${Math.round(rows / Math.max(result.seconds, 0.001))} rows/s, ${Math.round(result.people / Math.max(result.seconds, 0.001))} people/s) on ${app.database.describe}.`,
        )
        console.log(
          `Peak memory: ${Math.round(process.memoryUsage().rss / 1048576)} MiB RSS now; ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB at most.`,
        )
      } finally {
        await app.database.close()
      }
    })
}
