import { describe, expect, it } from 'vitest'
import {
  canMove,
  type EnrolmentEvent,
  enrolmentFlows,
  isReopening,
  monthEndCounts,
  yearFlows,
} from './sponsorship-rules.js'

const FROM = '2005-04-01'
const TO = '2006-03-31'
let seq = 0
const ev = (
  enrolmentId: string,
  on: string,
  from: EnrolmentEvent['from'],
  to: EnrolmentEvent['to'],
  reason: EnrolmentEvent['reason'] = null,
): EnrolmentEvent => ({ enrolmentId, seq: ++seq, on, from, to, reason })

describe('the enrolment status flow', () => {
  it('allows the plan’s moves and re-opening only from an ended status', () => {
    expect(canMove('applied', 'enrolled')).toBe(true)
    expect(canMove('enrolled', 'suspended')).toBe(true)
    expect(canMove('suspended', 'left')).toBe(true)
    expect(canMove('applied', 'graduated')).toBe(false)
    expect(canMove('left', 'suspended')).toBe(false)
    expect(canMove('graduated', 'enrolled')).toBe(true)
    expect(isReopening('left', 'enrolled')).toBe(true)
    expect(isReopening('suspended', 'enrolled')).toBe(false)
  })
})

describe('a year’s flows', () => {
  it('counts a child at start who leaves, one who joins, and one who graduates', () => {
    const { total, broken, byGroup } = yearFlows(
      [
        {
          id: 'a',
          group: 'JRL-01',
          events: [
            ev('a', '2004-09-01', null, 'enrolled'),
            ev('a', '2005-06-01', 'enrolled', 'left', 'shelter_head_detained'),
          ],
        },
        { id: 'b', group: 'YAN-02', events: [ev('b', '2005-05-01', null, 'enrolled')] },
        {
          id: 'c',
          group: 'YAN-02',
          events: [
            ev('c', '2005-03-31', null, 'enrolled'),
            ev('c', '2006-03-31', 'enrolled', 'graduated'),
          ],
        },
        // Applied but never enrolled: not in the plan, not counted.
        { id: 'd', group: 'YAN-02', events: [ev('d', '2005-05-01', null, 'applied')] },
        // Joins after the year: not counted.
        { id: 'e', group: 'YAN-02', events: [ev('e', '2006-04-01', null, 'enrolled')] },
      ],
      FROM,
      TO,
    )
    expect(broken).toEqual([])
    expect(total.atStart).toBe(2)
    expect(total.joined).toBe(1)
    expect(total.left).toBe(1)
    expect(total.leftByReason.shelter_head_detained).toBe(1)
    expect(total.graduated).toBe(1)
    expect(total.atEnd).toBe(1)
    expect(byGroup.get('YAN-02')?.atEnd).toBe(1)
    expect(byGroup.get('JRL-01')?.atEnd).toBe(0)
  })

  it('counts a re-opened enrolment as joining again and keeps the identity', () => {
    const { flows, reconciles } = enrolmentFlows(
      [
        ev('a', '2005-01-01', null, 'enrolled'),
        ev('a', '2005-05-01', 'enrolled', 'left', 'moved'),
        ev('a', '2005-08-01', 'left', 'enrolled'),
      ],
      FROM,
      TO,
    )
    expect(flows).toMatchObject({ atStart: 1, joined: 1, left: 1, atEnd: 1 })
    expect(reconciles).toBe(true)
  })

  it('names an enrolment whose history contradicts itself', () => {
    const { broken } = yearFlows(
      [
        {
          id: 'ok',
          group: 'X',
          events: [ev('ok', '2005-01-01', null, 'enrolled')],
        },
        {
          // The second event starts from `applied` although the first left the child enrolled.
          id: 'bad',
          group: 'X',
          events: [
            ev('bad', '2005-01-01', null, 'enrolled'),
            ev('bad', '2005-05-01', 'applied', 'enrolled'),
          ],
        },
      ],
      FROM,
      TO,
    )
    expect(broken).toEqual(['bad'])
  })

  it('counts children in the plan at each month’s end', () => {
    const months = monthEndCounts(
      [
        {
          events: [
            ev('a', '2005-03-01', null, 'enrolled'),
            ev('a', '2005-06-10', 'enrolled', 'left', 'moved'),
          ],
        },
        { events: [ev('b', '2005-05-20', null, 'enrolled')] },
      ],
      FROM,
      TO,
    )
    expect(months).toHaveLength(12)
    expect(months.slice(0, 4)).toEqual([
      { month: '2005-04', enrolled: 1 },
      { month: '2005-05', enrolled: 2 },
      { month: '2005-06', enrolled: 1 },
      { month: '2005-07', enrolled: 1 },
    ])
  })
})
