import { describe, expect, it } from 'vitest'
import { chartBlocks, markdownBlocks } from './report-pdf.js'

describe('the published report as PDF blocks', () => {
  it('reads headings, paragraphs, lists and tables of the published Markdown', () => {
    const blocks = markdownBlocks(
      '# Activity Report\n\n## I. Situation\n\nWe ran **3** shelters\nall year.\n\n- food\n- clothes\n\n| route | returnees |\n| --- | ---: |\n| UNHCR | a few |\n| consulate | 12 |\n',
    )
    expect(blocks).toEqual([
      { kind: 'heading', text: 'Activity Report' },
      { kind: 'subheading', text: 'I. Situation' },
      { kind: 'paragraph', text: 'We ran 3 shelters all year.' },
      { kind: 'paragraph', text: '• food' },
      { kind: 'paragraph', text: '• clothes' },
      {
        kind: 'table',
        head: ['route', 'returnees'],
        rows: [
          ['UNHCR', 'a few'],
          ['consulate', '12'],
        ],
      },
    ])
  })

  it('charts only figures with categories, and draws no bar for a count shown in words', () => {
    const cell = (label: string | null, shown: number | null, en: string) => ({
      key: label ?? 'total',
      label,
      level: label ? 0 : 1,
      trueValue: 3,
      shown,
      public: { en, ja: en },
    })
    const blocks = chartBlocks(
      [
        { key: 'one', cells: [cell(null, 5, '5')] },
        {
          key: 'routes',
          cells: [cell('UNHCR', null, 'a few'), cell('consulate', 12, '12'), cell(null, 15, '15')],
        },
      ],
      [],
      'en',
    )
    expect(blocks).toEqual([
      { kind: 'subheading', text: 'Figures in charts' },
      {
        kind: 'barChart',
        title: 'routes',
        bars: [
          { label: 'UNHCR', value: null, text: 'a few' },
          { label: 'consulate', value: 12, text: '12' },
        ],
      },
    ])
  })
})
