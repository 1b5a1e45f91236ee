import { readFileSync } from 'node:fs'
import type { Command } from 'commander'
import { type AgeProtection, type AgeUnlock, parseIdentityFile } from '../crypto/age-file.js'
import { CliError, EXIT } from './cli-config.js'
import { readSecret } from './secret-input.js'

export interface ProtectOptions {
  passphraseFile?: string
  recipient: string[]
}

export interface UnlockOptions {
  passphraseFile?: string
  identity?: string
}

const collect = (value: string, previous: string[]) => [...previous, value]

/** `--passphrase-file` or `--recipient` (repeatable), for a file Haven writes. */
export function withProtectOptions(command: Command): Command {
  return command
    .option('--passphrase-file <file>', 'encrypt to the passphrase in this file (age scrypt)')
    .option(
      '--recipient <age1…>',
      'encrypt to this age public key instead (repeat for several people)',
      collect,
      [],
    )
}

/** `--passphrase-file` or `--identity`, for a file Haven reads. */
export function withUnlockOptions(command: Command): Command {
  return command
    .option('--passphrase-file <file>', 'the passphrase it was encrypted to, from this file')
    .option('--identity <file>', 'an age identity file (AGE-SECRET-KEY-1…) it was encrypted to')
}

export async function protectionFrom(options: ProtectOptions): Promise<AgeProtection> {
  if (options.recipient.length > 0) {
    if (options.passphraseFile)
      throw new CliError('Give --passphrase-file or --recipient, not both.', EXIT.usage)
    return { kind: 'recipients', recipients: options.recipient }
  }
  return {
    kind: 'passphrase',
    passphrase: await readSecret({
      file: options.passphraseFile,
      prompt: 'Passphrase to encrypt the file with: ',
      confirm: true,
    }),
  }
}

export async function unlockFrom(options: UnlockOptions): Promise<AgeUnlock> {
  if (options.identity) {
    let text: string
    try {
      text = readFileSync(options.identity, 'utf8')
    } catch {
      throw new CliError(`--identity: cannot read ${options.identity}`, EXIT.usage)
    }
    return { identities: parseIdentityFile(text) }
  }
  return {
    passphrase: await readSecret({
      file: options.passphraseFile,
      prompt: 'Passphrase of the file: ',
    }),
  }
}

/** How a file was protected, for the record of key exports (never the passphrase). */
export function protectionLabel(protection: AgeProtection): string {
  return protection.kind === 'passphrase'
    ? 'passphrase'
    : `recipients:${protection.recipients.length}`
}
