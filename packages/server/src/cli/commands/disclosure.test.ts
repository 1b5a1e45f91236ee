import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import { CliError, EXIT } from '../cli-config.js'
import { disclosureCheck } from './disclosure.js'

const examples = fileURLToPath(new URL('../../../../disclosure/examples/', import.meta.url))
const example = (name: string) => join(examples, name)
const today = new Date('2006-06-30T12:00:00Z')
let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'haven-disclosure-'))
})

async function failure(run: Promise<unknown>): Promise<CliError> {
  try {
    await run
  } catch (error) {
    if (error instanceof CliError) return error
    throw error
  }
  throw new Error('expected a CliError')
}

describe('haven disclosure check', () => {
  it('prints the review of the example table in Japanese, with the seed report’s consistency check', async () => {
    const result = await disclosureCheck(
      example('protection-by-pathway.csv'),
      {
        policy: example('policy.json'),
        measure: 'protected',
        period: 'FY2005',
        statements: example('statements.json'),
        locale: 'ja',
      },
      {},
      today,
    )
    expect(result.exitCode).toBe(EXIT.ok)
    expect(result.output).toContain('編集者の承認待ち')
    expect(result.output).toContain('UNHCR / H1: 表示「若干名」、真の値 4')
    expect(result.output).toContain('Rice distributed in China — 矛盾')
    expect(result.output).toContain('Monthly rice budget — 整合')
  })

  it('prints JSON with every cell’s public rendering and private explanation', async () => {
    const result = await disclosureCheck(
      example('protection-by-pathway.csv'),
      { measure: 'protected', format: 'json' },
      {},
      today,
    )
    const json = JSON.parse(result.output) as {
      refused: boolean
      tables: {
        cells: {
          key: string
          public: string
          explanation: { trueValue: number; interval: { upper: number | null } }
        }[]
      }[]
    }
    expect(json.refused).toBe(false)
    const cell = json.tables[0]?.cells.find((c) => c.key === 'pathway=UNHCR|half=H1')
    expect(cell).toMatchObject({ public: '—', explanation: { trueValue: 4 } })
  })

  it('prints JSON for the README example with currency statements (no BigInt crash)', async () => {
    const result = await disclosureCheck(
      example('protection-by-pathway.csv'),
      {
        policy: example('policy.json'),
        measure: 'protected',
        period: 'FY2005',
        statements: example('statements.json'),
        format: 'json',
      },
      {},
      today,
    )
    expect(result.exitCode).toBe(EXIT.ok)
    const json = JSON.parse(result.output) as {
      consistency: { label: string; status: string; text: string; steps: { kind: string }[] }[]
    }
    const budget = json.consistency.find((f) => f.label === 'Monthly rice budget')
    expect(budget?.status).toBe('consistent')
    expect(budget?.steps.map((s) => s.kind)).toContain('currency')
    expect(budget?.text).toContain('1 CNY = 15 JPY')
  })

  it('records an approved release and refuses a later one that reveals a small count (exit 1)', async () => {
    const ledger = join(dir, 'ledger.json')
    const before = join(dir, 'resettled-to-2005.csv')
    const after = join(dir, 'resettled-to-2006.csv')
    await writeFile(before, 'pathway,resettled\nUNHCR,40\nconsulate,31\n')
    await writeFile(after, 'pathway,resettled\nUNHCR,46\nconsulate,44\n')
    const common = { measure: 'resettled', ledger, record: true } as const
    const first = await disclosureCheck(
      before,
      { ...common, period: '2000-01-01/2006-01-01', release: 'fy2005' },
      {},
      today,
    )
    expect(first.exitCode).toBe(EXIT.ok)
    expect(first.output).toContain('Recorded release fy2005')
    expect((await stat(ledger)).mode & 0o777).toBe(0o600)

    const second = await disclosureCheck(
      after,
      { ...common, period: '2000-01-01/2007-01-01', release: 'fy2006' },
      {},
      today,
    )
    expect(second.exitCode).toBe(EXIT.failure)
    expect(second.refused).toBe(true)
    // Cumulative UNHCR: 46 this year − 40 last year = 6 resettled in 2006.
    expect(second.output).toContain(
      'gives 46 − 40 = 6, the count for the period 2006-01-01/2007-01-01: below 10.',
    )
    expect(second.output).toContain('Not recorded in the ledger')
    const recorded = JSON.parse(await readFile(ledger, 'utf8')) as { releases: { id: string }[] }
    expect(recorded.releases.map((r) => r.id)).toEqual(['fy2005'])
  })

  it('guards differences with the sensitivity the release used, not the measure’s (issue #14)', async () => {
    const april = join(dir, 'meals-april.csv')
    const year = join(dir, 'meals-year.csv')
    await writeFile(year, 'shelter,meals\nA,20\nB,20\n')
    await writeFile(april, 'shelter,meals\nA,27\nB,20\n')
    const run = async (measure: string, sensitivity?: string, april7 = april) => {
      const ledger = join(dir, `ledger-${measure}-${sensitivity ?? 'policy'}.json`)
      const common = {
        policy: example('policy.json'),
        measure,
        ledger,
        ...(sensitivity ? { sensitivity } : {}),
      }
      const first = await disclosureCheck(
        year,
        { ...common, record: true, period: '2005-04-01/2006-04-01', release: 'fy2005' },
        {},
        today,
      )
      expect(first.exitCode).toBe(EXIT.ok)
      return disclosureCheck(
        april7,
        { ...common, period: '2005-04-01/2006-05-01', release: 'to-april' },
        {},
        today,
      )
    }
    // meals → people served (k = 5) in the policy, published as people protected (k = 10):
    // 7 protected people in April are read by subtraction. Refused, as under --measure protected.
    const overridden = await run('meals', 'people-protected')
    expect(overridden.exitCode).toBe(EXIT.failure)
    expect(overridden.output).toContain(
      'gives 27 − 20 = 7, the count for the period 2006-04-01/2006-05-01: below 10.',
    )
    expect((await run('protected')).exitCode).toBe(EXIT.failure)
    // The opposite: people served under a measure the policy does not map is held to k = 5.
    expect((await run('visits', 'people-served')).exitCode).toBe(EXIT.ok)
  })

  it('protects several tables together: A’s printed total is the total B hides (issue #14)', async () => {
    const a = join(dir, 'A.csv')
    const b = join(dir, 'B.csv')
    await writeFile(a, 'pathway \\ half,H1,H2\nUNHCR,6,0\nconsulate,4,5\n')
    await writeFile(b, 'sex \\ age,child,adult,elderly\nwomen,5,0,1\nmen,1,6,2\n')
    const result = await disclosureCheck([a, b], { measure: 'protected' }, {}, today)
    expect(result.exitCode).toBe(EXIT.ok)
    expect(result.output).toContain('Protected together with “B”')
    expect(result.output).toContain('Protected together with “A”')
    const grids = result.output.split('As it will be published:').slice(1)
    const lastTotal = (grid: string | undefined) =>
      grid
        ?.split('\n')
        .find((l) => l.trim().startsWith('Total'))
        ?.trim()
        .split(/\s+/)
        .at(-1)
    // The shared grand total is one cell: hidden in both or shown in both.
    expect(lastTotal(grids[0])).toBe(lastTotal(grids[1]))
    await expect(disclosureCheck([a, a], {}, {}, today)).rejects.toThrow(/two tables are named "A"/)
  })

  it('publishes a declared flow without a total (issue #14)', async () => {
    const file = join(dir, 'sponsorship.csv')
    await writeFile(
      file,
      'movement,children\nat the start,32\njoined,8\nleft,18\ngraduated,2\nnow,20\n',
    )
    const result = await disclosureCheck(
      file,
      { measure: 'sponsored', flow: 'at the start + joined - left - graduated = now' },
      {},
      today,
    )
    expect(result.exitCode).toBe(EXIT.ok)
    const grid = result.output
      .split('As it will be published:')[1]
      ?.split('\n')
      .slice(1, 7)
      .join('\n')
    expect(grid).not.toContain('Total')
    expect(grid).not.toMatch(/\b(8|2)\b/)
    expect(result.output).toContain('at the start + joined − left − graduated = now')
    const unbalanced = join(dir, 'unbalanced.csv')
    await writeFile(
      unbalanced,
      'movement,children\nat the start,32\njoined,8\nleft,18\ngraduated,2\nnow,21\n',
    )
    await expect(
      disclosureCheck(
        unbalanced,
        { flow: 'at the start + joined - left - graduated = now' },
        {},
        today,
      ),
    ).rejects.toThrow(/inconsistent_margins: The flow does not balance/)
    await expect(disclosureCheck(file, { flow: 'joined = now' }, {}, today)).rejects.toThrow(
      /--flow must read/,
    )
  })

  it.each([
    [
      'margins that do not add up',
      'a \\ b,x,Total\nr,5,6\n',
      {},
      /^haven disclosure: inconsistent_margins: The total a=r\|b=\* is 6 but its parts add up to 5/,
    ],
    [
      'a non-number',
      'a \\ b,x,y\nr,5,five\n',
      {},
      /invalid_table: .*the cell r \/ y is "five", not a number/,
    ],
    ['an unknown locale', 'a,n\nr,5\n', { locale: 'fr' }, /--locale must be en or ja/],
    [
      'an unknown sensitivity',
      'a,n\nr,5\n',
      { sensitivity: 'secret' },
      /--sensitivity must be one of/,
    ],
    ['--record without --ledger', 'a,n\nr,5\n', { record: true }, /--record needs --ledger/],
  ])('refuses %s with one line and exit code 2', async (_name, csv, options, message) => {
    const file = join(dir, `bad-${Math.random().toString(36).slice(2)}.csv`)
    await writeFile(file, csv)
    const error = await failure(disclosureCheck(file, options, {}, today))
    expect(error.exitCode).toBe(EXIT.usage)
    expect(error.message).toMatch(message)
    expect(error.message).not.toContain('\n')
  })

  it('refuses an invalid policy, naming the problem', async () => {
    const policy = join(dir, 'policy.json')
    await writeFile(
      policy,
      JSON.stringify({
        rules: { 'people-protected': { words: [{ from: 1, to: 2, en: 'two', ja: '二名' }] } },
      }),
    )
    const error = await failure(
      disclosureCheck(example('protection-by-pathway.csv'), { policy }, {}, today),
    )
    expect(error.exitCode).toBe(EXIT.usage)
    expect(error.message).toMatch(
      /invalid_policy: .*"two" \(1–2\) spans 1, narrower than the protection width 10/,
    )
  })

  it('rounds repeatably when given a secret', async () => {
    const env = { HAVEN_DISCLOSURE_SECRET: '00112233445566778899aabbccddeeff' }
    const options = {
      policy: example('policy.json'),
      measure: 'meals',
      periodDimension: 'columns',
      period: '2006-01-01/2006-04-01',
      release: 'r',
    }
    const a = await disclosureCheck(example('meals-by-shelter.csv'), options, env, today)
    const b = await disclosureCheck(example('meals-by-shelter.csv'), options, env, today)
    expect(a.output).toBe(b.output)
    expect(a.output).not.toContain('one-off key')
    await expect(
      disclosureCheck(
        example('meals-by-shelter.csv'),
        options,
        { HAVEN_DISCLOSURE_SECRET: 'short' },
        today,
      ),
    ).rejects.toThrow(/at least 32 hexadecimal digits/)
  })
})
