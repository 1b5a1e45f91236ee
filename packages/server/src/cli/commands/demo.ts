import { countOf } from '@haven/core/i18n/plural'
import type { Command } from 'commander'
import { runDemo } from '../../demo/run-demo.js'
import type { DemoStep, DemoStepResult } from '../../haven-module.js'
import { addressesForCommand } from '../../server/server-record.js'
import { bootForCommand } from '../cli-app.js'
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
    const app = await bootForCommand(config)
    try {
      const addresses = addressesForCommand(config)
      app.urls = addresses.urls
      for (const m of app.modules) await m.start?.(app)
      console.log('Adding demonstration data (all of it invented):')
      await runDemo(app, (_name, result, step) =>
        console.log(`  ${describeDemoResult(step, result)}`),
      )
      console.log(
        [
          'Done.',
          `  Public site: ${addresses.urls.public}/`,
          `  Staff app:   ${addresses.urls.staff}/app/ (grant yourself a role in a demo compartment to see its people)`,
          `  ${addresses.note}`,
        ].join('\n'),
      )
    } finally {
      await app.database.close()
    }
  })
}

/**
 * One line per step, counting the same thing on every run: "shelters: 3 shelters added (with …)",
 * then "shelters: nothing added; 3 shelters already there".
 */
export function describeDemoResult(
  step: Pick<DemoStep, 'name' | 'counts'>,
  result: DemoStepResult,
): string {
  const { one, other } = step.counts ?? { one: 'item', other: 'items' }
  const added = `${countOf(result.created, one, other)} added${result.detail ? ` (${result.detail})` : ''}`
  const there = `${countOf(result.skipped, one, other)} already there`
  if (result.created === 0)
    return `${step.name}: ${result.skipped === 0 ? 'nothing to add' : `nothing added; ${there}`}`
  return `${step.name}: ${added}${result.skipped > 0 ? `; ${there}` : ''}`
}
