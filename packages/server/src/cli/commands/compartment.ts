import { countOf } from '@haven/core/i18n/plural'
import type { Command } from 'commander'
import { findCompartmentByCode } from '../../compartments/compartment-store.js'
import { CACHE_MS } from '../../crypto/keyring.js'
import { shredCompartment } from '../../crypto/shred.js'
import { withCliApp } from '../cli-app.js'
import { CliError, EXIT } from '../cli-config.js'

export function registerCompartment(program: Command): void {
  const compartment = program.command('compartment').description('compartment operations')

  compartment
    .command('shred')
    .description(
      "destroy a compartment's keys: its records stay, every sealed field is gone for good, here and in every data backup",
    )
    .argument('<code>', 'the compartment code, e.g. JRL-01')
    .option('--confirm <code>', 'the code again, to confirm without a prompt (scripts)')
    .action(async (code: string, options: { confirm?: string }) => {
      await withCliApp({ needsKey: false }, async (app) => {
        const row = await findCompartmentByCode(app.database.db, code)
        if (!row) throw new CliError(`No compartment has the code ${code}.`, EXIT.usage)
        const typed = options.confirm ?? (await askCode(code))
        if (typed !== row.code)
          throw new CliError(
            'The confirmation does not match the code. Nothing was destroyed.',
            EXIT.usage,
          )
        const result = await shredCompartment(app, row, {
          actorId: null,
          requestId: null,
          via: 'cli',
        })
        console.log(
          `Destroyed ${countOf(result.destroyedKeys, 'key', 'keys')} of ${row.code} at ${result.shreddedAt}. Its records stay (codes, dates, counts); every sealed field is unreadable for good, in this database and in every data backup, past or future.`,
        )
        if (result.exportsToDestroy.length === 0) {
          console.log('No key export made before now holds these keys.')
        } else {
          console.log(
            `These key exports were made before the shred and STILL HOLD THE DESTROYED KEYS. Find and destroy every copy of them now:`,
          )
          for (const e of result.exportsToDestroy)
            console.log(
              `  key export ${e.key_set_fingerprint}, made ${e.created_at} (${e.protection})`,
            )
        }
        console.log(
          `Running Haven servers forget cached keys within ${CACHE_MS / 1000} s; restart them to make it immediate.`,
        )
      })
    })
}

async function askCode(code: string): Promise<string> {
  if (!process.stdin.isTTY)
    throw new CliError(`Confirm with --confirm ${code} (no terminal to ask on).`, EXIT.usage)
  const { createInterface } = await import('node:readline/promises')
  const rl = createInterface({ input: process.stdin, output: process.stderr })
  try {
    return (
      await rl.question(`This destroys the keys of ${code} for good. Type ${code} to confirm: `)
    ).trim()
  } finally {
    rl.close()
  }
}
