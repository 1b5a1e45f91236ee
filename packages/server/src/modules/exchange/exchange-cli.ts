import { access, writeFile } from 'node:fs/promises'
import type { ImportReport } from '@haven/core/exchange/exchange-schema'
import { PEOPLE_IMPORT_FIELDS, type PeopleImportField } from '@haven/core/exchange/people-import'
import { isLocale, type Locale } from '@haven/core/i18n/locales'
import { isMessageKey, translate } from '@haven/core/i18n/translate'
import type { Command } from 'commander'
import { withCliApp } from '../../cli/cli-app.js'
import { CliError } from '../../cli/cli-config.js'
import { type Progress, progressBar } from '../../cli/progress.js'
import { findCompartmentByCode } from '../../compartments/compartment-store.js'
import { HavenError } from '../../http/haven-error.js'
import { iatiActivitiesFile, iatiFileName, iatiOrganisationFile } from './iati-service.js'
import { importPeople } from './people-import-service.js'
import {
  distributionsKind,
  donationsKind,
  partnersKind,
  sponsorsKind,
  suppliesKind,
} from './record-import-kinds.js'
import { importRecords, type RecordImportKindDefinition } from './record-import-service.js'
import { fileSource, TEXT_ENCODINGS, type TextEncodingChoice } from './spreadsheet-reader.js'

const BY = { actorId: null, requestId: 'cli:import' }

interface ImportOptions {
  compartment: string
  source: string
  encoding: string
  dryRun?: boolean
  acceptDuplicates?: boolean
  map: string[]
  lang: string
}

/** The module's commands: `haven import …` and `haven iati …`. */
export function registerExchangeCommands(program: Command): void {
  registerImportCommand(program)
  registerIatiCommand(program)
}

/** `haven iati <activities|organisation> --fiscal-year N`: the files the staff app downloads. */
function registerIatiCommand(program: Command): void {
  program
    .command('iati')
    .description(
      'write an IATI 2.03 file of a fiscal year: the organisation file or the activity file (one activity per programme)',
    )
    .argument('<file>', 'which file: activities or organisation')
    .requiredOption('--fiscal-year <year>', 'the year the fiscal year starts in, such as 2005')
    .option('--out <path>', 'where to write it (default: haven-iati-<file>-fy<year>.xml here)')
    .action(async (kind: string, options: { fiscalYear: string; out?: string }) => {
      if (kind !== 'activities' && kind !== 'organisation')
        throw new CliError('The file is either activities or organisation.')
      const year = Number(options.fiscalYear)
      if (!Number.isInteger(year) || year < 1990 || year > 2200)
        throw new CliError('--fiscal-year takes the year the fiscal year starts in, such as 2005.')
      await withCliApp({ needsKey: false }, async (app) => {
        const by = { actorId: null, requestId: 'cli:iati' }
        try {
          const xml =
            kind === 'activities'
              ? await iatiActivitiesFile(app, year, by)
              : await iatiOrganisationFile(app, year, by)
          const out = options.out ?? iatiFileName(kind, year)
          await writeFile(out, xml)
          console.log(`Wrote ${out} (${Buffer.byteLength(xml)} bytes).`)
        } catch (error) {
          if (error instanceof HavenError)
            throw new CliError(translate('en', error.messageKey, error.params))
          throw error
        }
      })
    })
}

/** `haven import people <file>`: the same checks and writes as the staff app's import screen. */
function registerImportCommand(program: Command): void {
  const command = program
    .command('import')
    .description('import records from a spreadsheet (CSV in UTF-8 or Shift_JIS, or XLSX)')
  registerRecordsCommand(
    command,
    distributionsKind,
    'record headcount distributions (day, headcount) in a compartment under its allowance policy: a row past a cap is refused; all rows are imported or none; rows imported before are skipped',
  )
  registerRecordsCommand(
    command,
    donationsKind,
    'post donations received (JPY, CNY or USD; donors by code) to the books: a row in a closed month or without a rate is refused; all rows are imported or none; rows imported before are skipped',
  )
  registerRecordsCommand(
    command,
    partnersKind,
    'add partner organisations (no contacts): all rows are imported or none; rows imported before are skipped',
  )
  registerRecordsCommand(
    command,
    sponsorsKind,
    'add sponsors to a compartment, each contact sealed there: all rows are imported or none; rows imported before are skipped',
  )
  registerRecordsCommand(
    command,
    suppliesKind,
    'record supplies received into a warehouse or shelter (item and place by name, quantity, day): all rows are imported or none; rows imported before are skipped',
  )
  command
    .command('people')
    .description(
      'register people from a spreadsheet: every row is checked first; then all rows are imported or none; rows imported before are skipped',
    )
    .argument('<file>', 'the CSV or XLSX file')
    .requiredOption('--compartment <code>', 'the compartment to register them in (its code)')
    .requiredOption(
      '--source <name>',
      'where the sheet comes from; its column mapping is saved under this name',
    )
    .option('--encoding <encoding>', `a CSV's text encoding: ${TEXT_ENCODINGS.join(', ')}`, 'auto')
    .option('--dry-run', 'check every row and report; write nothing')
    .option('--accept-duplicates', 'register rows that look like people already registered')
    .option(
      '--map <field=header>',
      `map one of our fields (${PEOPLE_IMPORT_FIELDS.join(', ')}) to a header of the sheet (repeatable)`,
      (value: string, all: string[]) => [...all, value],
      [],
    )
    .option('--lang <locale>', 'language of the report (en, ja)', 'en')
    .action(async (file: string, options: ImportOptions) => {
      const locale: Locale = isLocale(options.lang) ? options.lang : 'en'
      if (!(TEXT_ENCODINGS as readonly string[]).includes(options.encoding))
        throw new CliError(`--encoding must be one of ${TEXT_ENCODINGS.join(', ')}`)
      const mapping = parseMap(options.map)
      // Read in chunks during the import (twice: checked, then written), never whole.
      await access(file).catch(() => {
        throw new CliError(`Cannot read ${file}.`)
      })
      await withCliApp({ needsKey: true, bulkWrites: true }, async (app) => {
        const compartment = await findCompartmentByCode(app.database.db, options.compartment)
        if (!compartment) throw new CliError(`No compartment has the code ${options.compartment}.`)
        // Made on the first written batch (the closure sets it, so it lives in an object).
        const shown: { bar: Progress | null } = { bar: null }
        const run = (dryRun: boolean, total: number) =>
          importPeople(
            app,
            fileSource(file),
            {
              compartmentId: compartment.id,
              source: options.source,
              encoding: options.encoding as TextEncodingChoice,
              dryRun,
              acceptDuplicates: options.acceptDuplicates === true,
              mapping,
              onProgress: (phase, done) => {
                if (phase === 'check' && dryRun) process.stderr.write(`\rChecked ${done} rows`)
                if (phase === 'write') {
                  shown.bar ??= progressBar('Importing', total, 'rows')
                  shown.bar.update(done)
                }
              },
            },
            BY,
          )
        try {
          const checked = await run(true, 0)
          process.stderr.write('\n')
          printReport(checked, locale)
          if (options.dryRun) return
          if (checked.rowsWithErrors > 0)
            throw new CliError(
              'Nothing was imported: fix the rows above and run the command again.',
            )
          const done = await run(false, checked.rows)
          shown.bar?.stop()
          console.log(
            `Imported ${done.imported} people; ${done.alreadyImported} rows were imported before and skipped.`,
          )
        } catch (error) {
          shown.bar?.stop()
          if (error instanceof HavenError)
            throw new CliError(translate(locale, error.messageKey, error.params))
          throw error
        }
      })
    })
}

interface RecordsOptions {
  compartment?: string
  source: string
  encoding: string
  dryRun?: boolean
  map: string[]
  lang: string
}

/** `haven import <kind> <file>`: the same rehearsal and writes as the staff app's import screen. */
function registerRecordsCommand<F extends string, T>(
  parent: Command,
  kind: RecordImportKindDefinition<F, T>,
  description: string,
): void {
  const fields = kind.definition.fields
  const { inCompartment } = kind
  const command = parent
    .command(kind.name)
    .description(description)
    .argument('<file>', 'the CSV or XLSX file')
  if (inCompartment)
    command.requiredOption('--compartment <code>', 'the compartment to record them in (its code)')
  command
    .requiredOption(
      '--source <name>',
      'where the sheet comes from; its column mapping is saved under this name',
    )
    .option('--encoding <encoding>', `a CSV's text encoding: ${TEXT_ENCODINGS.join(', ')}`, 'auto')
    .option('--dry-run', 'try every row against the rules and report; write nothing')
    .option(
      '--map <field=header>',
      `map one of our fields (${fields.join(', ')}) to a header of the sheet (repeatable)`,
      (value: string, all: string[]) => [...all, value],
      [],
    )
    .option('--lang <locale>', 'language of the report (en, ja)', 'en')
    .action(async (file: string, options: RecordsOptions) => {
      const locale: Locale = isLocale(options.lang) ? options.lang : 'en'
      if (!(TEXT_ENCODINGS as readonly string[]).includes(options.encoding))
        throw new CliError(`--encoding must be one of ${TEXT_ENCODINGS.join(', ')}`)
      const mapping = parseFieldMap(options.map, fields)
      await access(file).catch(() => {
        throw new CliError(`Cannot read ${file}.`)
      })
      await withCliApp({ needsKey: true, bulkWrites: true }, async (app) => {
        let compartmentId: string | undefined
        if (options.compartment !== undefined) {
          const compartment = await findCompartmentByCode(app.database.db, options.compartment)
          if (!compartment)
            throw new CliError(`No compartment has the code ${options.compartment}.`)
          compartmentId = compartment.id
        }
        const run = (dryRun: boolean, bar: Progress | null) =>
          importRecords(
            app,
            kind,
            fileSource(file),
            {
              compartmentId,
              source: options.source,
              encoding: options.encoding as TextEncodingChoice,
              dryRun,
              mapping,
              onProgress: (done) => {
                if (bar) bar.update(done)
                else process.stderr.write(`\rChecked ${done} rows`)
              },
            },
            { actorId: null, requestId: `cli:import:${kind.name}` },
          )
        let bar: Progress | null = null
        try {
          const checked = await run(true, null)
          process.stderr.write('\n')
          printReport(checked, locale)
          if (options.dryRun) return
          if (checked.rowsWithErrors > 0)
            throw new CliError(
              'Nothing was imported: fix the rows above and run the command again.',
            )
          bar = progressBar('Importing', checked.rows, 'rows')
          const done = await run(false, bar)
          bar.stop()
          console.log(
            `Imported ${done.imported} ${kind.name}; ${done.alreadyImported} rows were imported before and skipped.`,
          )
        } catch (error) {
          bar?.stop()
          if (error instanceof HavenError)
            throw new CliError(translate(locale, error.messageKey, error.params))
          throw error
        }
      })
    })
}

function parseFieldMap(entries: readonly string[], fields: readonly string[]) {
  if (entries.length === 0) return undefined
  const mapping: Record<string, string> = {}
  for (const entry of entries) {
    const at = entry.indexOf('=')
    const field = entry.slice(0, at)
    if (at < 1 || !fields.includes(field))
      throw new CliError(`--map takes field=header with a field among ${fields.join(', ')}`)
    mapping[field] = entry.slice(at + 1)
  }
  return mapping
}

function parseMap(entries: readonly string[]) {
  if (entries.length === 0) return undefined
  const mapping: Partial<Record<PeopleImportField, string>> = {}
  for (const entry of entries) {
    const at = entry.indexOf('=')
    const field = entry.slice(0, at)
    if (at < 1 || !(PEOPLE_IMPORT_FIELDS as readonly string[]).includes(field))
      throw new CliError(
        `--map takes field=header with a field among ${PEOPLE_IMPORT_FIELDS.join(', ')}`,
      )
    mapping[field as PeopleImportField] = entry.slice(at + 1)
  }
  return mapping
}

function printReport(report: Omit<ImportReport, 'mapping'>, locale: Locale) {
  console.log(
    `${report.format.toUpperCase()}${report.encoding ? ` (${report.encoding})` : ''}: ${report.rows} rows, ${report.ready} ready, ${report.alreadyImported} imported before, ${report.rowsWithErrors} with problems`,
  )
  for (const issue of report.issues) {
    const message = isMessageKey(issue.key) ? translate(locale, issue.key, issue.params) : issue.key
    console.log(`  row ${issue.line}${issue.header ? ` · ${issue.header}` : ''}: ${message}`)
  }
  for (const d of report.possibleDuplicates)
    console.log(
      `  row ${d.line}: ${translate(locale, 'exchange.possible_duplicate', { codes: d.codes.join(', ') })}`,
    )
}
