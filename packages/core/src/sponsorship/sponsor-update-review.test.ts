import { describe, expect, it } from 'vitest'
import { reviewFindings } from './sponsor-update-review.js'

const known = {
  schoolName: 'Bright Hill Primary',
  guardian: 'Mrs Kwon',
  codes: ['YAN-03-0012', 'YAN-03'],
}
const kinds = (text: string) => reviewFindings(text, known).map((f) => f.kind)

describe('the review of a sponsor update', () => {
  it('passes a letter with nothing that locates the child', () => {
    expect(kinds('This term I learned to read long stories. Thank you for your help!')).toEqual([])
    expect(kinds('今学期は長い物語を読めるようになりました。ありがとうございます。')).toEqual([])
  })

  it('finds the school, the guardian, codes, places and possible names', () => {
    expect(kinds('I go to Bright Hill Primary every day.')).toContain('school')
    expect(kinds('my teacher at school is kind')).toEqual(['school'])
    expect(kinds('mrs kwon says hello')).toEqual(['name'])
    expect(kinds('We live near YAN-03 now')).toContain('code')
    expect(kinds('the snow in Yanji was deep')).toContain('place')
    expect(kinds('延吉は寒いです')).toEqual(['place'])
    expect(kinds('my friend 김민지 and I')).toEqual(['name'])
    expect(kinds('I played with Minji after class')).toEqual(['name'])
  })

  it('says where each finding is without repeating the words', () => {
    const [finding] = reviewFindings('hello from Yanji', known)
    expect(finding).toEqual({ kind: 'place', at: 11, length: 5 })
    expect(Object.keys(finding ?? {})).not.toContain('text')
  })
})
