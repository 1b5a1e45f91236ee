import type { Command } from 'commander'
import { createSetupLink } from '../../auth/setup-service.js'
import { addressesForCommand } from '../../server/server-record.js'
import { bootForCommand } from '../cli-app.js'
import { CliError, cliConfig } from '../cli-config.js'

export function registerSetupLink(program: Command): void {
  program
    .command('setup-link')
    .description(
      'print a fresh single-use link for creating the first administrator (earlier links stop working)',
    )
    .action(async () => {
      const config = cliConfig()
      const app = await bootForCommand(config)
      try {
        const addresses = addressesForCommand(config)
        app.urls = addresses.urls
        const link = await createSetupLink(app)
        if (!link)
          throw new CliError(
            'An administrator already exists. Administrators issue sign-in links to other users from the staff app.',
          )
        console.log(
          `Open this link to create the first administrator (single use, valid until ${link.expiresAt}; earlier setup links no longer work):`,
        )
        console.log(link.url)
        console.log(addresses.note)
      } finally {
        await app.database.close()
      }
    })
}
