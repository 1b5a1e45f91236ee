import { describe, expect, it } from 'vitest'

/**
 * One formatting layer (issue #15): every date, month and number a screen shows goes through
 * `@haven/core/i18n/format`, so a Japanese reader sees "2025年6月", never "2025-06", and every screen
 * writes the same date the same way. This reads every source file of the app and fails on the ways
 * a raw value slipped onto a screen before: a month or date rendered as stored, or the browser's
 * own `toLocale…` formats (which ignore the language chosen in Haven).
 */
const SOURCES = import.meta.glob<string>(['../**/*.tsx', '../**/*.ts', '!../**/*.test.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
})

const RAW = [
  {
    why: 'a month or date shown as stored (use formatMonth, formatDate or formatCoarseDate)',
    // `{m.month}`, `${r.startedOn}`, `{d.day}` as text — not `value={form.startsOn}` of an input.
    pattern:
      /(?<![=\w]\s*)(?<!value=)(?<!key=)(?:\{|\$\{)[\w?.]+\.(?:month|day|date|[a-z]+On|[a-z]+Month|[a-z]+Date|valid(?:From|To))(?:\}|\s*\?\?)/g,
  },
  {
    why: 'an amount beside its currency code as stored (use formatDecimalMoney or formatMoney)',
    // `{p.amount} {p.currency}`, `${m.cost} ${m.currency}`: "160000.00 CNY" beside "CN¥1,020.00".
    pattern:
      /(?:\{|\$\{)[\w?.]+\.(?:amount|cost|total|balance|[a-z]+Cap)\}\s*(?:\{|\$\{)[\w?.]+[cC]urrency\}/g,
  },
  {
    why: "the browser's formats ignore Haven's language (use the shared formatter)",
    pattern: /\.toLocale(?:Date|Time)?String\(/g,
  },
] as const

/** Lines that pass a raw value on to something other than a screen: an address or an input. */
function shownOnScreen(line: string): boolean {
  return !/\bvalue=|\bkey=|\/finance\/periods\/|api\(|`\//.test(line)
}

describe('no date, month or number formatted by hand in the staff app', () => {
  it('finds the app’s sources', () => {
    expect(Object.keys(SOURCES).length).toBeGreaterThan(100)
  })

  it.each(RAW)('nothing shows $why', ({ pattern }) => {
    const found: string[] = []
    for (const [file, text] of Object.entries(SOURCES)) {
      text.split('\n').forEach((line, index) => {
        if (!shownOnScreen(line)) return
        for (const match of line.matchAll(pattern)) found.push(`${file}:${index + 1}: ${match[0]}`)
      })
    }
    expect(found).toEqual([])
  })

  it('would catch a raw month in a table cell', () => {
    const cell = "<td>{m.month}</td><dd>{p.arrivalMonth ?? t('people.not_given')}</dd>"
    expect([...cell.matchAll(RAW[0].pattern)].map((m) => m[0])).toEqual([
      '{m.month}',
      '{p.arrivalMonth ??',
    ])
  })

  it('would catch an amount shown as stored, and a stored date of another name', () => {
    const cell = '<td>{d.amount} {d.currency}</td><td>{r.rateDate ?? "—"}</td>'
    expect([...cell.matchAll(RAW[1].pattern)].map((m) => m[0])).toEqual(['{d.amount} {d.currency}'])
    expect([...cell.matchAll(RAW[0].pattern)].map((m) => m[0])).toEqual(['{r.rateDate ??'])
  })
})
