import { money } from '@haven/core/money/money'
import { describe, expect, it } from 'vitest'
import type { AppContext } from './app-context.js'
import type { Db } from './db/db-handle.js'
import { defineModule, type HavenModule } from './haven-module.js'
import { type MoneyEvent, recordMoney, withdrawMoney } from './money-events.js'

const BY = { actorId: null, requestId: null }
const trx = {} as Db

const stipend: MoneyEvent = {
  source: { module: 'sponsorship', kind: 'stipend', id: 's1' },
  on: '2006-01-15',
  direction: 'out',
  amount: money('CNY', 20000),
  programme: 'education',
  category: 'stipend',
  counterparty: { kind: 'person', code: 'YAN-P0042' },
}

function appWith(modules: readonly HavenModule[]): AppContext {
  return { modules } as unknown as AppContext
}

describe('money events', () => {
  it('reach every module that keeps books, in the order of the modules list, and no other', async () => {
    const heard: string[] = []
    const books = (name: string) =>
      defineModule({
        name,
        money: {
          recorded: async (_app, _trx, event) => {
            heard.push(`${name} ${event.source.id} ${event.amount.minor} ${event.amount.currency}`)
          },
          withdrawn: async (_app, _trx, source, on) => {
            heard.push(`${name} withdrew ${source.id} on ${on}`)
          },
        },
      })
    const app = appWith([books('a'), defineModule({ name: 'quiet' }), books('b')])
    await recordMoney(app, trx, stipend, BY)
    await withdrawMoney(app, trx, stipend.source, '2006-02-01', BY)
    expect(heard).toEqual([
      'a s1 20000 CNY',
      'b s1 20000 CNY',
      'a withdrew s1 on 2006-02-01',
      'b withdrew s1 on 2006-02-01',
    ])
  })

  it('do nothing when no module keeps books', async () => {
    await expect(
      recordMoney(appWith([defineModule({ name: 'quiet' })]), trx, stipend, BY),
    ).resolves.toBeUndefined()
  })

  it('refuse the record with the listener: an error from the books is the caller’s error', async () => {
    const closed = defineModule({
      name: 'finance',
      money: {
        recorded: async () => {
          throw new Error('period_closed')
        },
        withdrawn: async () => {},
      },
    })
    await expect(recordMoney(appWith([closed]), trx, stipend, BY)).rejects.toThrow('period_closed')
  })
})
