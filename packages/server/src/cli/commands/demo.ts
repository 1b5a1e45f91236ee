import type { Command } from 'commander'
import '../../demo/all-demo-steps.js'
import { ensureContactCompartment } from '../../contact/contact-compartment.js'
import { runDemo } from '../../demo/demo-registry.js'
import { boot } from '../../server/boot.js'
import { createLogger } from '../../server/logger.js'
import { cliConfig } from '../cli-config.js'

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description(
      'add synthetic demonstration data (public site content in English and Japanese; invented people, cases and incidents in two compartments); safe to run twice',
    )
    .action(async () => {
      const config = cliConfig()
      const app = await boot(config, createLogger('warn'))
      try {
        await ensureContactCompartment(app)
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
