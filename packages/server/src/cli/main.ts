import { Command, CommanderError } from 'commander'
import havenPackage from '../../../../package.json' with { type: 'json' }
import { MODULES } from '../modules/index.js'
import { CliError, EXIT } from './cli-config.js'
import { registerAudit } from './commands/audit.js'
import { registerBackup } from './commands/backup.js'
import { registerCompartment } from './commands/compartment.js'
import { registerDemo } from './commands/demo.js'
import { registerDisclosure } from './commands/disclosure.js'
import { registerDoctor } from './commands/doctor.js'
import { registerGenerate } from './commands/generate.js'
import { registerKeys } from './commands/keys.js'
import { registerMigrate } from './commands/migrate.js'
import { registerServe } from './commands/serve.js'
import { registerSetupLink } from './commands/setup-link.js'
import { registerUnseal } from './commands/unseal.js'

/** The `haven` command. Every subcommand has --help; unknown commands and flags are errors. */
export function buildProgram(): Command {
  const program = new Command('haven')
    .description('Haven: operations platform for humanitarian NGOs')
    .version(`haven ${havenPackage.version}`, '-v, --version', 'print the version of Haven')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
  program.configureHelp({ sortSubcommands: true })
  registerServe(program)
  registerMigrate(program)
  registerSetupLink(program)
  registerDoctor(program)
  registerAudit(program)
  registerDisclosure(program)
  registerGenerate(program)
  registerKeys(program)
  registerCompartment(program)
  registerBackup(program)
  registerUnseal(program)
  registerDemo(program)
  // Each module's own commands (people: `retention review`).
  for (const m of MODULES) m.cli?.(program)
  // Every command and subcommand: unknown flags and stray arguments are errors, not ignored.
  const strict = (command: Command) => {
    command.exitOverride().allowUnknownOption(false).allowExcessArguments(false)
    for (const sub of command.commands) strict(sub)
  }
  for (const command of program.commands) strict(command)
  return program
}

export async function runCli(argv: readonly string[]): Promise<void> {
  try {
    await buildProgram().parseAsync([...argv], { from: 'user' })
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode === 0 ? EXIT.ok : EXIT.usage
      return
    }
    if (error instanceof CliError) {
      process.stderr.write(`${error.message}\n`)
      process.exitCode = error.exitCode
      return
    }
    process.stderr.write(`haven: ${(error as Error).message}\n`)
    process.exitCode = EXIT.failure
  }
}
