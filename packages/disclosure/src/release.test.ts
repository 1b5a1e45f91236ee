import { beforeAll, describe, expect, it } from 'vitest'
import { createDisclosureEngine, type DisclosureEngine } from './engine.js'
import { EMPTY_LEDGER } from './ledger.js'
import { createHighsSolver } from './lp/highs-solver.js'
import type { LpSolver } from './lp/linear-program.js'
import { seededRandom } from './random-source.js'
import type { ReleaseInput } from './release.js'
import { recordRelease } from './release.js'
import { releaseJson } from './release-json.js'
import { renderReview } from './render-review.js'
import { twoWayTable } from './table.js'

let solver: LpSolver
let engine: DisclosureEngine
beforeAll(async () => {
  solver = await createHighsSolver()
  engine = await createDisclosureEngine({
    solver,
    random: seededRandom('test'),
    roundingSecret: new Uint8Array(32).fill(3),
  })
})

// Section VI of the seed report, as a table the report compiler would produce.
const SECTION_VI = [
  [4, 16],
  [12, 3],
  [20, 18],
]
const pathways = (id: string, values: number[][]) =>
  twoWayTable({
    id: 'protection',
    title: `Protection by pathway ${id}`,
    measure: 'protected',
    rows: { name: 'pathway', labels: ['UNHCR', 'Japanese consulate', 'underground railroad'] },
    columns: { name: 'half', labels: ['H1', 'H2'] },
    values,
  })
const input = (
  id: string,
  values: number[][],
  extra: Partial<ReleaseInput> = {},
): ReleaseInput => ({
  id,
  title: `Annual report ${id}`,
  date: `${id.slice(-4)}-06-30`,
  tables: [
    {
      table: pathways(id, values),
      context: {
        population: 'people protected',
        period: { from: `${id.slice(-4)}-01-01`, to: `${Number(id.slice(-4)) + 1}-01-01` },
      },
    },
  ],
  ...extra,
})

describe('prepareRelease', () => {
  it('protects, reviews in both languages and records an approved release', () => {
    const prepared = engine.prepareRelease(input('fy2005', SECTION_VI, { ledger: EMPTY_LEDGER }))
    expect(prepared.refused).toBe(false)
    const en = renderReview(prepared.review, 'en')
    const ja = renderReview(prepared.review, 'ja')
    expect(en).toContain('Disclosure review: Annual report fy2005 (release fy2005, 2005-06-30)')
    expect(en).toContain('Ready for an editor’s approval')
    expect(en).toMatch(
      /UNHCR \/ H1: shown as —; true value 4; below the threshold; a reader can infer \d+–\d+ \(must span at least 10\)\./,
    )
    expect(en).toContain('— Not shown, to protect the people concerned.')
    expect(en).toContain('A reader who knows some of the people counted')
    expect(ja).toContain('公開前審査: Annual report fy2005')
    expect(ja).toMatch(
      /UNHCR \/ H1: 表示「—」、真の値 4、しきい値未満、読者が推測できる範囲 \d+–\d+\(幅10以上が必要\)。/,
    )
    expect(ja).toContain('編集者の承認待ち')
    expect(ja).toContain('— 関係者の安全のため非公開。')
    // The public grid shows no small number.
    const grid = en.split('As it will be published:')[1]?.split('— Not shown')[0] ?? ''
    expect(grid).not.toMatch(/\b[1-9]\b/)

    const ledger = recordRelease(EMPTY_LEDGER, prepared)
    expect(ledger.releases[0]?.figures.length).toBe(prepared.figures.length)
  })

  it('refuses, naming the figures, when the ledger and this release reveal a small count', () => {
    const first = engine.prepareRelease(
      input('fy2005', [
        [14, 16],
        [12, 13],
        [20, 18],
      ]),
    )
    const ledger = recordRelease(EMPTY_LEDGER, first)
    // A year later, a table of the women among 2005's UNHCR cases: 14 − 11 = 3 men.
    const second = engine.prepareRelease({
      id: 'fy2006',
      title: 'Annual report fy2006',
      date: '2006-06-30',
      tables: [
        {
          table: twoWayTable({
            id: 'unhcr-women-2005',
            title: 'Women protected via UNHCR in 2005',
            measure: 'protected',
            rows: { name: 'pathway', labels: ['UNHCR'] },
            columns: { name: 'half', labels: ['H1', 'H2'] },
            values: [[11, 16]],
          }),
          context: {
            population: 'people protected',
            period: { from: '2005-01-01', to: '2006-01-01' },
            filters: { sex: { in: ['women'] } },
          },
        },
      ],
      ledger,
    })
    expect(second.refused).toBe(true)
    const en = renderReview(second.review, 'en')
    expect(en).toContain('REFUSED')
    expect(en).toContain(
      '“Protection by pathway fy2005: pathway=UNHCR|half=H1” (fy2005) minus “Women protected via UNHCR in 2005: pathway=UNHCR|half=H1” (fy2006) gives 14 − 11 = 3, the count for sex other than women: below 10.',
    )
    expect(renderReview(second.review, 'ja')).toContain('公開不可')
    expect(() => recordRelease(ledger, second)).toThrow(/was refused/)
  })

  it('adds noise within the privacy budget and refuses once it is spent', async () => {
    const dpEngine = await createDisclosureEngine({
      solver,
      random: seededRandom('noise'),
      policy: { differentialPrivacy: { epsilonPerRelease: 1, totalEpsilon: 1 } },
    })
    const values = [
      [14, 16],
      [12, 13],
      [20, 18],
    ]
    const first = dpEngine.prepareRelease(input('fy2005', values, { ledger: EMPTY_LEDGER }))
    expect(first.refused).toBe(false)
    expect(first.entry.epsilon).toBe(1)
    expect(first.tables[0]?.cells.some((c) => c.explanation.rules.includes('noise'))).toBe(true)
    expect(renderReview(first.review, 'en')).toContain('differential privacy, ε = 1')
    const second = dpEngine.prepareRelease(
      input('fy2006', values, { ledger: recordRelease(EMPTY_LEDGER, first) }),
    )
    expect(second.refused).toBe(true)
    expect(renderReview(second.review, 'en')).toContain('The privacy budget is spent: ε 1 used')
    expect(renderReview(second.review, 'ja')).toContain('プライバシー予算が尽きています')
  })

  it('rounds people served with a one-off key when none is given, and says so', async () => {
    const roundingEngine = await createDisclosureEngine({
      solver,
      random: seededRandom('r'),
      policy: {
        rules: { 'people-served': { rounding: { base: 5 }, hiddenAs: 'words' } },
        measures: { meals: 'people-served' },
      },
    })
    const prepared = roundingEngine.prepareRelease({
      id: 'fy2005',
      title: 'Meals',
      date: '2006-03-31',
      tables: [
        {
          table: twoWayTable({
            id: 'meals',
            measure: 'meals',
            rows: { name: 'shelter', labels: ['JRL-01', 'YAN-02'] },
            columns: { name: 'month', labels: ['2006-01', '2006-02'] },
            values: [
              [2, 47],
              [33, 61],
            ],
          }),
          context: {
            population: 'people fed',
            period: { from: '2006-01-01', to: '2006-03-01' },
            periodDimension: 'month',
          },
        },
      ],
    })
    const en = renderReview(prepared.review, 'en')
    expect(en).toContain('Rounding used a one-off key')
    expect(en).toContain('† Totals are rounded on their own')
    expect(en).toContain('No ledger of earlier releases was given')
    expect(en).toMatch(/a few|several|a number|dozens/)
    expect(renderReview(prepared.review, 'ja')).toMatch(/数名|十名前後|十数名|数十名/)
  })
})

describe('re-releases of rounded tables (issue #14)', () => {
  // People served, rounded to 5, k = 5: a column [10, 6, 14, 3] with its total 33.
  const policy = {
    rules: { 'people-served': { rounding: { base: 5 } } },
    measures: { meals: 'people-served' },
  }
  const release = (id: string, ledger = EMPTY_LEDGER): ReleaseInput => ({
    id,
    title: id,
    date: '2006-06-30',
    ledger,
    tables: [
      {
        table: twoWayTable({
          id: 'meals',
          measure: 'meals',
          rows: { name: 'shelter', labels: ['A', 'B', 'C', 'D'] },
          columns: { name: 'month', labels: ['2006-01', '2006-02'] },
          values: [
            [10, 22],
            [6, 31],
            [14, 18],
            [3, 27],
          ],
        }),
        context: {
          population: 'people fed',
          period: { from: '2006-01-01', to: '2006-03-01' },
          periodDimension: 'month',
        },
      },
    ],
  })
  const engineWith = (secret: Uint8Array | undefined, seed: string) =>
    createDisclosureEngine({
      solver,
      random: seededRandom(seed),
      policy,
      ...(secret ? { roundingSecret: secret } : {}),
    })
  const published = (p: { tables: readonly { cells: readonly { rendering: unknown }[] }[] }) =>
    JSON.stringify(p.tables.map((t) => t.cells.map((c) => c.rendering)))

  it('publishes the same table the same way in every release under one secret', async () => {
    const secret = new Uint8Array(32).fill(5)
    let ledger = EMPTY_LEDGER
    const seen = new Set<string>()
    for (let r = 0; r < 20; r++) {
      // A new engine each time, as a new run of the report would be.
      const engine = await engineWith(secret, `run-${r}`)
      const prepared = engine.prepareRelease(release(`release-${r}`, ledger))
      expect(prepared.refused).toBe(false)
      seen.add(published(prepared))
      ledger = recordRelease(ledger, prepared)
    }
    expect(seen.size).toBe(1)
  })

  it('refuses rounding a published figure again under another secret, or a one-off key', async () => {
    const first = (await engineWith(new Uint8Array(32).fill(5), 'a')).prepareRelease(
      release('first'),
    )
    const ledger = recordRelease(EMPTY_LEDGER, first)
    for (const engine of [
      await engineWith(new Uint8Array(32).fill(6), 'b'),
      await engineWith(undefined, 'c'),
    ]) {
      const again = engine.prepareRelease(release('again', ledger))
      expect(again.refused).toBe(true)
      expect(again.differencing?.refusals.some((f) => f.kind === 'rerounded')).toBe(true)
      expect(renderReview(again.review, 'en')).toContain(
        'already rounded, under another rounding secret or base',
      )
      expect(renderReview(again.review, 'ja')).toContain(
        '別の丸め用の秘密鍵または基数で丸め直しています',
      )
    }
  })
})

describe('JSON-safe results (issue #14)', () => {
  it('a release with currency statements survives JSON, whole and as releaseJson', () => {
    const prepared = engine.prepareRelease(
      input('fy2005', SECTION_VI, {
        ledger: EMPTY_LEDGER,
        consistency: {
          checks: [
            {
              label: 'Monthly rice budget',
              stated: { text: '180,000 yen per month' },
              computed: [{ text: '400 RMB a day' }],
            },
          ],
          rates: [{ base: 'CNY', quote: 'JPY', rate: '15', date: '2006-03-31' }],
          date: '2006-03-31',
        },
      }),
    )
    expect(() => JSON.stringify(prepared)).not.toThrow()
    const json = releaseJson(prepared, 'ja')
    expect(JSON.parse(JSON.stringify(json))).toEqual(json)
    expect(JSON.stringify(json)).toContain('1 CNY = 15 JPY')
  })
})
