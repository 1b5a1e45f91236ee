import { type Config, ConfigError, loadConfig } from '../config/load-config.js'

/** Exit codes of the `haven` command. */
export const EXIT = { ok: 0, failure: 1, usage: 2 } as const

/** An error already worded for the operator; the CLI prints its message alone, without a stack. */
export class CliError extends Error {
  override name = 'CliError'
  constructor(
    message: string,
    readonly exitCode: number = EXIT.failure,
  ) {
    super(message)
  }
}

/** The configuration from the environment and haven.config.json, or a one-line CliError. */
export function cliConfig(): Config {
  try {
    return loadConfig({ env: process.env, cwd: process.cwd() })
  } catch (error) {
    if (error instanceof ConfigError)
      throw new CliError(`Configuration error: ${error.message}`, EXIT.usage)
    throw error
  }
}
