import { describe, expect, it } from 'vitest'
import { type DuplicateCandidate, earlierLikelyDuplicates } from './batch-duplicates.js'

const c = (names: string[], birthYear: number | null = null): DuplicateCandidate => ({
  names,
  birthYear,
})

describe('earlierLikelyDuplicates', () => {
  it.each<[string, DuplicateCandidate[], (number | null)[]]>([
    ['the same name and year', [c(['김영희'], 1990), c(['김영희'], 1990)], [null, 0]],
    ['the same name, another year', [c(['김영희'], 1990), c(['김영희'], 2001)], [null, null]],
    ['the later has no year: a name is enough', [c(['김영희'], 1990), c(['김영희'])], [null, 0]],
    ['the later has a year, the earlier none', [c(['김영희']), c(['김영희'], 1990)], [null, null]],
    [
      'typed differently (case, spaces, kana)',
      [c(['Kim Yong-hun']), c(['kimyong-hun'])],
      [null, 0],
    ],
    ['katakana and hiragana', [c(['キム・ヨンフン'], 1985), c(['きむよんふん'], 1985)], [null, 0]],
    ['a name part of the earlier', [c(['Kim Yong-hun'], 1985), c(['Yong-hun'], 1985)], [null, 0]],
    ['any of several scripts', [c(['金英姬', '김영희']), c(['Kim', '金英姬'])], [null, 0]],
    ['a shared first character is not a name', [c(['김영희']), c(['김철수'])], [null, null]],
    ['no name at all', [c([], 1990), c([], 1990)], [null, null]],
    [
      'the first earlier match',
      [c(['박철수']), c(['김영희'], 1990), c(['김영희'], 1990), c(['김영희'], 1990)],
      [null, null, 1, 1],
    ],
  ])('%s', (_, batch, expected) => {
    expect(earlierLikelyDuplicates(batch)).toEqual(expected)
  })
})
