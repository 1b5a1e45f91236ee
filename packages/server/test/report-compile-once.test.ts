import { expect, it } from 'vitest'
import { type Figure, type FigureValue, figureTable, readOnce } from '../src/figures.js'
import type { HavenModule } from '../src/haven-module.js'
import { compileReport } from '../src/modules/report/report-compile.js'
import { reportProtection } from '../src/modules/report/report-settings.js'
import { describeEachDialect } from './support/dialects.js'
import { testAppContext } from './support/test-app.js'

/**
 * A compile computes each figure once, whoever asks (the template, the narrative's tonnes and
 * yen), shares the reads its figures share, and reads what the narrative is checked against
 * only when something typed states it. Counted on figures of a test module.
 */
function countingModule() {
  const computed = new Map<string, number>()
  let sharedReads = 0
  const figure = (
    key: string,
    unit: Figure['unit'],
    value: (shared: number) => FigureValue,
  ): Figure => ({
    key,
    unit,
    sensitivity:
      unit === 'money-minor' ? 'money' : unit === 'tonnes' ? 'quantity' : 'people-served',
    label: { en: key, ja: key },
    description: { en: 'A test figure.', ja: 'テスト用の数値。' },
    async compute(_db, year, reads) {
      computed.set(key, (computed.get(key) ?? 0) + 1)
      // Two figures sum the same (expensive) read differently.
      const shared = await readOnce(reads, `count.days:${year.from}`, async () => {
        sharedReads++
        return 40
      })
      return value(shared)
    },
  })
  const module: HavenModule = {
    name: 'count',
    figures: [
      figure('count.people', 'people', (n) => n),
      figure('count.people-twice', 'people', (n) => 2 * n),
      // 20 people × 10 kg a day is 73 t a year; the other is 10 t.
      figure('count.tonnes.rice', 'tonnes', () => 73),
      figure('count.tonnes.other', 'tonnes', () => 10),
      figure('count.spend', 'money-minor', () => figureTable('currency', [['JPY', 2_160_000]])),
    ],
  }
  return {
    module,
    computed: (key: string) => computed.get(key) ?? 0,
    sharedReads: () => sharedReads,
  }
}

const NAMED = '{{count.people}} and {{count.people-twice}} people; {{count.tonnes.rice}} t of rice.'

describeEachDialect('a compile computes each figure once', (ctx) => {
  async function compile(typed: string) {
    await ctx.reset()
    const app = testAppContext(ctx.database(), { now: () => new Date('2006-06-01T10:00:00Z') })
    const counting = countingModule()
    const protection = await reportProtection(app, app.database.db)
    const template = `${NAMED} ${typed}`
    const compiled = await compileReport(
      [...app.modules, counting.module],
      app.database.db,
      { fiscal_year: 2005, template_en: template, template_ja: template },
      '2006-06-01',
      protection,
    )
    return { app, counting, compiled, protection }
  }

  it('reads nothing the narrative does not state: no other tonnes, no yen; shared reads once', async () => {
    const { counting, compiled } = await compile('Nothing else typed.')
    expect(compiled.figures.map((f) => f.entry.figure.key)).toEqual([
      'count.people',
      'count.people-twice',
      'count.tonnes.rice',
    ])
    expect(compiled.texts.en).toContain('40 and 80 people')
    expect(counting.computed('count.people')).toBe(1)
    expect(counting.computed('count.tonnes.rice')).toBe(1)
    // Not named, and nothing typed to check against them.
    expect(counting.computed('count.tonnes.other')).toBe(0)
    expect(counting.computed('count.spend')).toBe(0)
    // Three figures computed, one read between them.
    expect(counting.sharedReads()).toBe(1)
    expect(compiled.narrative).toEqual([])
  })

  it('reads every tonnes and yen figure once when the narrative states tonnes and yen a month', async () => {
    const { app, counting, compiled, protection } = await compile(
      'We gave 30 t of food, and 180,000 yen a month.',
    )
    // Named and checked against: still computed once.
    expect(counting.computed('count.tonnes.rice')).toBe(1)
    expect(counting.computed('count.tonnes.other')).toBe(1)
    expect(counting.computed('count.spend')).toBe(1)
    expect(counting.sharedReads()).toBe(1)
    const mine = compiled.narrative.filter((n) => n.figure.startsWith('count.'))
    expect(mine.map((n) => [n.locale, n.text, n.status, n.figure])).toEqual([
      ['en', '30 t', 'contradiction', 'count.tonnes.rice'],
      ['ja', '30 t', 'contradiction', 'count.tonnes.rice'],
      ['en', '180,000 yen a month', 'consistent', 'count.spend'],
      ['ja', '180,000 yen a month', 'consistent', 'count.spend'],
    ])
    // A second compile reads the records again: nothing is kept between compiles.
    await compileReport(
      [...app.modules, counting.module],
      app.database.db,
      {
        fiscal_year: 2005,
        template_en: NAMED,
        template_ja: NAMED,
      },
      '2006-06-01',
      protection,
    )
    expect(counting.computed('count.people')).toBe(2)
    expect(counting.sharedReads()).toBe(2)
  })
})
