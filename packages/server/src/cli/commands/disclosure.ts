import { randomUUID } from 'node:crypto'
import { chmod, readFile, rename, writeFile } from 'node:fs/promises'
import { basename, extname } from 'node:path'
import { isLocale, type Locale } from '@haven/core/i18n/locales'
import type { ExchangeRate } from '@haven/core/money/exchange-rate'
import {
  type ConsistencyCheck,
  createDisclosureEngine,
  DisclosureError,
  type DisclosureLedger,
  EMPTY_LEDGER,
  type FlowIdentity,
  flowTable,
  parseLedger,
  parsePeriod,
  type ReleaseTableInput,
  recordRelease,
  releaseJson,
  renderReview,
  SENSITIVITIES,
  type Sensitivity,
  type StatTable,
  sensitivityOf,
} from '@haven/disclosure'
import type { Command } from 'commander'
import { readTableCsv } from '../../disclosure/read-table-csv.js'
import { CliError, EXIT } from '../cli-config.js'

export interface DisclosureCheckOptions {
  readonly policy?: string
  readonly locale?: string
  readonly ledger?: string
  readonly record?: boolean
  readonly format?: string
  readonly measure?: string
  readonly sensitivity?: string
  readonly population?: string
  readonly period?: string
  readonly periodDimension?: string
  readonly release?: string
  readonly title?: string
  readonly date?: string
  readonly statements?: string
  /** A flow identity for one-way tables: "at the start + joined - left = now". */
  readonly flow?: string
}

export interface DisclosureCheckResult {
  readonly output: string
  /** 0: ready for an editor's approval; 1: refused. Bad input throws a CliError (exit 2). */
  readonly exitCode: number
  readonly refused: boolean
}

const usage = (message: string) => new CliError(`haven disclosure: ${message}`, EXIT.usage)

async function readJson(path: string, what: string): Promise<unknown> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch {
    throw usage(`cannot read the ${what} file ${path}.`)
  }
  try {
    return JSON.parse(text)
  } catch (error) {
    throw usage(`the ${what} file ${path} is not valid JSON (${(error as Error).message}).`)
  }
}

/** A 32+ hex-digit secret from HAVEN_DISCLOSURE_SECRET makes rounding repeatable for a release. */
function roundingSecret(env: NodeJS.ProcessEnv): Uint8Array | undefined {
  const hex = env.HAVEN_DISCLOSURE_SECRET?.trim()
  if (!hex) return undefined
  if (!/^([0-9a-f]{2}){16,}$/i.test(hex))
    throw usage('HAVEN_DISCLOSURE_SECRET must be at least 32 hexadecimal digits (16 random bytes).')
  return Uint8Array.from(hex.match(/../g) ?? [], (h) => Number.parseInt(h, 16))
}

/**
 * Reads a flow identity as written on the command line: "at the start + joined - left = now"
 * (the first term is the start; + and - need spaces around them, so labels may hold hyphens).
 */
export function parseFlow(text: string, dimension: string): FlowIdentity {
  const sides = text.split('=')
  const end = sides[1]?.trim()
  const terms = (sides[0] ?? '').trim().split(/\s+([+\-−])\s+/)
  const start = terms[0]?.trim()
  if (sides.length !== 2 || !start || !end || terms.length < 3)
    throw usage(
      `--flow must read "start + inflow … - outflow … = end" (e.g. "at the start + joined - left = now"), not "${text}".`,
    )
  const inflows: string[] = []
  const outflows: string[] = []
  for (let i = 1; i + 1 < terms.length; i += 2)
    (terms[i] === '+' ? inflows : outflows).push((terms[i + 1] ?? '').trim())
  return { dimension, start, inflows, outflows, end }
}

/** A one-way table read from CSV, declared a flow table: its categories must be the flow's. */
function asFlowTable(table: StatTable, flow: string, file: string, text: string): StatTable {
  const dimension = table.dimensions[0]
  if (!dimension || table.dimensions.length !== 1)
    throw usage(`--flow needs a one-way table; ${file} has ${table.dimensions.length} dimensions.`)
  if (/^\s*"?(total|合計|計)"?\s*,/im.test(text))
    throw usage(
      `${file} has a Total row: a flow's categories do not add up to anything; remove it.`,
    )
  const identity = parseFlow(flow, dimension.name)
  const named = new Set([identity.start, ...identity.inflows, ...identity.outflows, identity.end])
  const unnamed = dimension.labels.filter((l) => !named.has(l))
  if (unnamed.length > 0)
    throw usage(`--flow does not name ${unnamed.map((l) => `"${l}"`).join(', ')} of ${file}.`)
  return flowTable({
    id: table.id,
    title: table.title,
    measure: table.measure,
    integer: table.integer,
    flow: identity,
    values: Object.fromEntries(
      table.cells.flatMap((c) => {
        const i = c.coordinates[0]
        return i === null || i === undefined ? [] : [[dimension.labels[i] ?? '', c.value]]
      }),
    ),
  })
}

/**
 * Runs tables through the disclosure engine as one release and returns the review to print.
 * Several files are protected together, linked where their cells count the same people. Bad
 * input (a table that does not add up, an invalid policy or ledger) becomes a one-line CliError.
 */
export async function disclosureCheck(
  file: string | readonly string[],
  options: DisclosureCheckOptions,
  env: NodeJS.ProcessEnv = process.env,
  today: Date = new Date(),
): Promise<DisclosureCheckResult> {
  const files = typeof file === 'string' ? [file] : file
  if (files.length === 0) throw usage('give at least one table.')
  const requested = options.locale ?? 'en'
  if (!isLocale(requested)) throw usage(`--locale must be en or ja, not "${requested}".`)
  const locale: Locale = requested
  const format = options.format ?? 'text'
  if (format !== 'text' && format !== 'json')
    throw usage(`--format must be text or json, not "${format}".`)
  if (options.sensitivity && !(SENSITIVITIES as readonly string[]).includes(options.sensitivity))
    throw usage(`--sensitivity must be one of ${SENSITIVITIES.join(', ')}.`)
  if (options.record && !options.ledger)
    throw usage('--record needs --ledger: the file the release is recorded in.')
  const date = options.date ?? today.toISOString().slice(0, 10)
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw usage(`--date must be YYYY-MM-DD, not "${date}".`)

  try {
    const engine = await createDisclosureEngine({
      policy: options.policy ? await readJson(options.policy, 'policy') : undefined,
      ...(roundingSecret(env) ? { roundingSecret: roundingSecret(env) } : {}),
    })
    const measure = options.measure
    const names: string[] = []
    const tables: ReleaseTableInput[] = []
    for (const path of files) {
      let text: string
      try {
        text = await readFile(path, 'utf8')
      } catch {
        throw usage(`cannot read the table ${path}.`)
      }
      const name = basename(path, extname(path))
      if (names.includes(name))
        throw usage(`two tables are named "${name}": give each file its own name.`)
      names.push(name)
      const csv = readTableCsv(text, {
        file: path,
        id: name,
        title: files.length === 1 ? (options.title ?? name) : name,
        ...(measure ? { measure } : {}),
        integer:
          (options.sensitivity ?? sensitivityOf(engine.policy, measure ?? 'count')) !== 'quantity',
      })
      const periodDimension =
        options.periodDimension === 'rows'
          ? csv.rowDimension
          : options.periodDimension === 'columns'
            ? csv.columnDimension
            : options.periodDimension
      tables.push({
        table: options.flow ? asFlowTable(csv.table, options.flow, path, text) : csv.table,
        sensitivity:
          (options.sensitivity as Sensitivity | undefined) ??
          sensitivityOf(engine.policy, csv.table.measure),
        context: {
          population: options.population ?? csv.table.measure,
          period: parsePeriod(options.period ?? date.slice(0, 4)),
          ...(periodDimension ? { periodDimension } : {}),
        },
      })
    }
    const name = names.join('+')
    const ledger: DisclosureLedger | undefined = options.ledger
      ? await readJson(options.ledger, 'ledger').then(parseLedger, (error: unknown) => {
          // A ledger that does not exist yet is an empty one, when the release is to be recorded.
          if (options.record && error instanceof CliError && error.message.includes('cannot read'))
            return EMPTY_LEDGER
          throw error
        })
      : undefined
    const statements = options.statements
      ? ((await readJson(options.statements, 'statements')) as {
          checks?: ConsistencyCheck[]
          rates?: ExchangeRate[]
          date?: string
        })
      : undefined
    if (statements && !Array.isArray(statements.checks))
      throw usage(
        `the statements file must hold { "checks": [...], "rates": [...], "date": "YYYY-MM-DD" }.`,
      )

    const prepared = engine.prepareRelease({
      id: options.release ?? `check-${name}-${date}`,
      title: options.title ?? name,
      date,
      tables,
      ...(ledger ? { ledger } : {}),
      ...(statements?.checks
        ? {
            consistency: {
              checks: statements.checks,
              ...(statements.rates ? { rates: statements.rates } : {}),
              ...(statements.date ? { date: statements.date } : {}),
            },
          }
        : {}),
    })

    let output =
      format === 'json'
        ? `${JSON.stringify(releaseJson(prepared, locale), null, 2)}\n`
        : renderReview(prepared.review, locale)
    if (options.record && options.ledger && ledger) {
      if (prepared.refused)
        output += `\n${locale === 'ja' ? '公開不可のため台帳に記録しませんでした。' : 'Not recorded in the ledger: the release was refused.'}\n`
      else {
        await writePrivately(
          options.ledger,
          `${JSON.stringify(recordRelease(ledger, prepared), null, 2)}\n`,
        )
        output += `\n${locale === 'ja' ? `リリース ${prepared.id} を ${options.ledger} に記録しました。` : `Recorded release ${prepared.id} in ${options.ledger}.`}\n`
      }
    }
    return {
      output,
      exitCode: prepared.refused ? EXIT.failure : EXIT.ok,
      refused: prepared.refused,
    }
  } catch (error) {
    if (error instanceof DisclosureError) throw usage(`${error.code}: ${error.message}`)
    throw error
  }
}

/** The ledger says what was hidden and why: written atomically, readable by its owner only. */
async function writePrivately(path: string, content: string): Promise<void> {
  const temporary = `${path}.${randomUUID()}.tmp`
  await writeFile(temporary, content, { mode: 0o600 })
  await chmod(temporary, 0o600)
  await rename(temporary, path)
}

export function registerDisclosure(program: Command): void {
  const disclosure = program
    .command('disclosure')
    .description('disclosure control: check what a published table would reveal')
  disclosure
    .command('check')
    .argument(
      '<files...>',
      'the tables, as CSV (see the README (section "Disclosure control") for the layout); tables that share cells are protected together',
    )
    .description(
      'protect tables under the policy and print the disclosure review; exit 0 when it is ready for approval, 1 when refused, 2 on bad input',
    )
    .option(
      '--policy <file>',
      'policy JSON (default: the built-in policy: k = 10 people protected, 5 people served)',
    )
    .option('--locale <locale>', 'language of the review: en or ja', 'en')
    .option(
      '--ledger <file>',
      'ledger of earlier releases (JSON), checked for differencing attacks',
    )
    .option('--record', 'add this release to the ledger file when it is not refused')
    .option('--format <format>', 'text or json', 'text')
    .option('--measure <name>', 'what the table counts; the policy maps measures to sensitivities')
    .option(
      '--sensitivity <sensitivity>',
      `override the measure's sensitivity: ${SENSITIVITIES.join(', ')}`,
    )
    .option('--population <name>', 'who is counted (default: the measure)')
    .option(
      '--period <period>',
      'period the table covers: 2006, FY2005, 2006-01 or 2005-04-01/2006-04-01 (default: the year of --date)',
    )
    .option('--period-dimension <which>', 'rows or columns: the dimension whose labels are periods')
    .option('--release <id>', 'release id for the ledger (default: check-<file>-<date>)')
    .option('--title <text>', 'title of the table and release')
    .option('--date <date>', 'release date, YYYY-MM-DD (default: today)')
    .option(
      '--statements <file>',
      'figures stated in the narrative to check against the records (JSON)',
    )
    .option(
      '--flow <identity>',
      'one-way tables of stocks and movements: "at the start + joined - left - graduated = now" (no Total row)',
    )
    .action(async (files: string[], options: DisclosureCheckOptions) => {
      const result = await disclosureCheck(files, options)
      process.stdout.write(result.output)
      process.exitCode = result.exitCode
    })
}
