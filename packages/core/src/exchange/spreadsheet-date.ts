/**
 * Dates as people type them in spreadsheets: ISO (2006-03-15), slashes (2006/3/15), a year and
 * month, a year, and the Japanese era forms Japanese offices use (令和5年4月1日, 平成元年3月,
 * R5.4.1, H12/3/4), in full-width digits too. Pure, so the CLI, the server and the app agree.
 */

export type DatePrecision = 'exact' | 'month' | 'year'

export interface SpreadsheetDate {
  /** YYYY-MM-DD, YYYY-MM or YYYY, as precise as the cell was. */
  date: string
  precision: DatePrecision
}

export type DateProblem = 'format' | 'no_such_day' | 'outside_era'

interface Era {
  names: readonly string[]
  /** The first day of the era (the day before belongs to the previous one). */
  start: string
  /** The last day, for eras that ended. */
  end?: string
}

/** The eras a living person's records can be in. */
const ERAS: readonly Era[] = [
  { names: ['令和', 'R'], start: '2019-05-01' },
  { names: ['平成', 'H'], start: '1989-01-08', end: '2019-04-30' },
  { names: ['昭和', 'S'], start: '1926-12-25', end: '1989-01-07' },
  { names: ['大正', 'T'], start: '1912-07-30', end: '1926-12-24' },
]

const pad = (n: number) => String(n).padStart(2, '0')

function isRealDay(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d))
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d
}

function build(y: number, m?: number, d?: number): SpreadsheetDate | DateProblem {
  if (m === undefined) return { date: String(y).padStart(4, '0'), precision: 'year' }
  if (m < 1 || m > 12) return 'no_such_day'
  if (d === undefined) return { date: `${y}-${pad(m)}`, precision: 'month' }
  if (!isRealDay(y, m, d)) return 'no_such_day'
  return { date: `${y}-${pad(m)}-${pad(d)}`, precision: 'exact' }
}

const num = (s: string | undefined) => (s === undefined ? undefined : Number(s))

/** Whether a (possibly partial) date falls inside the era: any of its days does. */
function inEra(era: Era, parsed: SpreadsheetDate): boolean {
  const first =
    parsed.date.length === 4
      ? `${parsed.date}-01-01`
      : parsed.date.length === 7
        ? `${parsed.date}-01`
        : parsed.date
  const last =
    parsed.date.length === 4
      ? `${parsed.date}-12-31`
      : parsed.date.length === 7
        ? `${parsed.date}-31`
        : parsed.date
  return last >= era.start && (era.end === undefined || first <= era.end)
}

/**
 * Reads one cell as a date, or says what is wrong with it. An era year past the era's end
 * (平成32年) or before its start (令和1年4月) is refused rather than guessed.
 */
export function parseSpreadsheetDate(cell: string): SpreadsheetDate | DateProblem {
  // NFKC turns full-width digits and letters (２００６／３／１５, Ｒ５) into ASCII.
  const text = cell.normalize('NFKC').trim().replace(/\s+/g, '')
  const iso = /^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?$/.exec(text)
  if (iso) return build(Number(iso[1]), num(iso[2]), num(iso[3]))
  const western = /^(\d{4})年(?:(\d{1,2})月(?:(\d{1,2})日)?)?$/.exec(text)
  if (western) return build(Number(western[1]), num(western[2]), num(western[3]))
  for (const era of ERAS) {
    const offset = Number(era.start.slice(0, 4)) - 1
    for (const name of era.names) {
      if (!text.startsWith(name)) continue
      const rest = text.slice(name.length)
      const kanji = /^(\d{1,2}|元)年(?:(\d{1,2})月(?:(\d{1,2})日)?)?$/.exec(rest)
      const dotted = /^(\d{1,2})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?$/.exec(rest)
      const match = kanji ?? dotted
      if (!match) return 'format'
      const eraYear = match[1] === '元' ? 1 : Number(match[1])
      if (eraYear < 1) return 'outside_era'
      const parsed = build(offset + eraYear, num(match[2]), num(match[3]))
      if (typeof parsed === 'string') return parsed
      return inEra(era, parsed) ? parsed : 'outside_era'
    }
  }
  return 'format'
}
