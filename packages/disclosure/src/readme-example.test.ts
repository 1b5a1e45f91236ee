// The example in the README (section "Disclosure control"), kept here so it cannot drift from the API.
import { expect, it } from 'vitest'
import {
  createDisclosureEngine,
  EMPTY_LEDGER,
  type ProtectedTable,
  recordRelease,
  renderPublicTable,
  renderReview,
  seededRandom,
  twoWayTable,
} from './index.js'

it('README example runs as documented', async () => {
  const engine = await createDisclosureEngine({
    policy: { measures: { protected: 'people-protected' } },
    random: seededRandom('readme'), // tests only: real releases use the default crypto source
  })
  const release = engine.prepareRelease({
    id: 'fy2005',
    title: 'Annual report FY2005',
    date: '2006-06-30',
    ledger: EMPTY_LEDGER,
    tables: [
      {
        table: twoWayTable({
          id: 'protection',
          title: 'Protection by pathway',
          measure: 'protected',
          rows: { name: 'pathway', labels: ['UNHCR', 'Japanese consulate', 'underground'] },
          columns: { name: 'half', labels: ['H1', 'H2'] },
          values: [
            [4, 16],
            [12, 3],
            [20, 18],
          ],
        }),
        context: {
          population: 'people protected',
          period: { from: '2005-04-01', to: '2006-04-01' },
        },
      },
    ],
  })
  const cell = release.tables[0]?.cells.find((c) => c.key === 'pathway=UNHCR|half=H1')
  expect(cell?.rendering).toEqual({ kind: 'suppressed' })
  expect(cell?.explanation).toEqual({
    trueValue: 4,
    rules: ['threshold'],
    interval: { lower: 2, upper: 15 },
    requiredWidth: 10,
  })
  expect(renderPublicTable(release.tables[0] as ProtectedTable, 'en')).toBe(
    [
      '  pathway \\ half      H1  H2  Total',
      '  UNHCR                —   —     20',
      '  Japanese consulate   —   —     15',
      '  underground         20  18     38',
      '  Total               36  37     73',
    ].join('\n'),
  )
  expect(renderReview(release.review, 'ja')).toContain('編集者の承認待ち')
  expect(release.refused).toBe(false)
  expect(recordRelease(EMPTY_LEDGER, release).releases).toHaveLength(1)
})
