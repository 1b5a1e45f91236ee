import { existsSync } from 'node:fs'
import type { Command } from 'commander'
import { requestUnseal, unsealSocketPath } from '../../unseal/unseal-socket.js'
import { CliError, cliConfig, EXIT } from '../cli-config.js'
import { readSecret } from '../secret-input.js'

export function registerUnseal(program: Command): void {
  program
    .command('unseal')
    .description('give a sealed, running Haven its passphrase (through its socket in DATA_DIR/run)')
    .option('--passphrase-file <file>', 'read the passphrase from this file (else it is typed)')
    .action(async (options: { passphraseFile?: string }) => {
      const config = cliConfig()
      const path = unsealSocketPath(config.dataDir)
      if (!existsSync(path))
        throw new CliError(
          `No sealed Haven is waiting at ${path}. Is it running with HAVEN_SEALED=true and this DATA_DIR (and not unsealed already)?`,
        )
      const passphrase = await readSecret({ file: options.passphraseFile, prompt: 'Passphrase: ' })
      const reply = await requestUnseal(path, passphrase).catch((error: Error) => {
        throw new CliError(`Cannot reach the server at ${path}: ${error.message}`)
      })
      if (!reply.ok)
        throw new CliError(
          reply.message,
          reply.code === 'weak_passphrase' ? EXIT.usage : EXIT.failure,
        )
      console.log(
        reply.initialised
          ? `Sealed mode is set up: this passphrase now protects master key ${reply.fingerprint}. Haven is unsealed.`
          : `Haven is unsealed (master key ${reply.fingerprint}).`,
      )
    })
}
