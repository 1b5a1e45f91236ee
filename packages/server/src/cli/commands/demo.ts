import type { Command } from 'commander'
import { runDemo } from '../../demo/run-demo.js'
import { boot } from '../../server/boot.js'
import { createLogger } from '../../server/logger.js'
import { CliError, cliConfig, EXIT } from '../cli-config.js'
import { addScaleOptions, runScale, type ScaleFlags } from './generate.js'

export function registerDemo(program: Command): void {
  addScaleOptions(
    program
      .command('demo')
      .description(
        'add synthetic demonstration data (public site content in English and Japanese; invented people, cases, incidents, shelters and distributions); safe to run twice. ' +
          'With --scale: fill the database at scale instead, as `haven generate` does',
      )
      .option('--scale', 'synthetic data at scale (same flags as `haven generate`)'),
    false,
  ).action(async (flags: ScaleFlags & { scale?: boolean }) => {
    if (flags.scale) return runScale(flags)
    if (flags.people !== undefined || flags.db !== undefined)
      throw new CliError(
        '--people and --db go with --scale (example: haven demo --scale --people 100000)',
        EXIT.usage,
      )
    const config = cliConfig()
    const app = await boot(config, createLogger('warn'))
    try {
      for (const m of app.modules) await m.start?.(app)
      console.log('Adding demonstration data (all of it invented):')
      await runDemo(app, (name, r) =>
        console.log(`  ${name}: ${r.created} added, ${r.skipped} already there`),
      )
      console.log(`Done. Public site: ${app.urls.public}/`)
    } finally {
      await app.database.close()
    }
  })
}
