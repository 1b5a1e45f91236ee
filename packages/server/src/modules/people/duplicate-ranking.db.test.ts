import type { Identity, PersonAttributes } from '@haven/core/people/person-schema'
import { beforeAll, expect, it } from 'vitest'
import { describeEachDialect } from '../../../test/support/dialects.js'
import { buildCompartment } from '../../../test/support/factories.js'
import { testAppContext } from '../../../test/support/test-app.js'
import type { AppContext } from '../../app-context.js'
import { duplicateMatches, duplicateMatchesMany, registerPeopleIn } from './index.js'

const BY = { actorId: null, requestId: null }

const kimMinji = (year: number): Identity => ({
  names: [
    { script: 'latin', value: 'Kim Minji' },
    { script: 'hangul', value: '김민지' },
  ],
  birth: { precision: 'year', date: String(year) },
  phones: [],
})

/**
 * In a large compartment a common name is shared by hundreds of people. The true duplicate (the
 * same name in both scripts and the same birth year) must come first, not be cut off behind the
 * first 500 index hits as it was when the hits were read unordered.
 */
describeEachDialect('duplicate matching in a large compartment', (ctx) => {
  let app: AppContext
  let compartmentId: string
  let trueCode: string

  beforeAll(async () => {
    await ctx.reset()
    app = testAppContext(ctx.database())
    compartmentId = (await buildCompartment(app)).id
    const attributes: PersonAttributes = {
      ageBand: 'unknown',
      situation: 'in_shelter',
      arrivalMonth: null,
      languages: [],
      tags: ['imported'],
    }
    await app.database.db.transaction().execute(async (trx) => {
      // 600 namesakes born in 1970, 300 people of other names born in 1985, then the true one.
      await registerPeopleIn(
        app,
        trx,
        compartmentId,
        Array.from({ length: 600 }, () => ({ identity: kimMinji(1970), attributes })),
        BY,
      )
      await registerPeopleIn(
        app,
        trx,
        compartmentId,
        Array.from({ length: 300 }, (_, i) => ({
          identity: {
            names: [{ script: 'latin', value: `Pak Chol ${i}` }],
            birth: { precision: 'year', date: '1985' },
            phones: [],
          },
          attributes,
        })),
        BY,
      )
      const [last] = await registerPeopleIn(
        app,
        trx,
        compartmentId,
        [{ identity: kimMinji(1985), attributes }],
        BY,
      )
      trueCode = last?.code ?? ''
    })
  })

  it('registers a batch as registration does: distinct codes in order, terms, tags, history and one audit entry each', async () => {
    const db = app.database.db
    const people = await db
      .selectFrom('people')
      .select(['id', 'code'])
      .where('compartment_id', '=', compartmentId)
      .execute()
    expect(people).toHaveLength(901)
    expect(new Set(people.map((p) => p.code)).size).toBe(901)
    expect(trueCode.endsWith('-P0901')).toBe(true)
    const counted = async (table: 'people_history' | 'person_tags') =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      )
    expect(await counted('people_history')).toBe(901)
    expect(await counted('person_tags')).toBe(901)
    const audited = await db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('action', '=', 'person.created')
      .executeTakeFirstOrThrow()
    expect(Number(audited.n)).toBe(901)
  })

  it('ranks the true duplicate first among 600 namesakes, and keeps the list bounded', async () => {
    const matches = await duplicateMatches(app, app.database.db, [compartmentId], {
      names: ['Kim Minji', '김민지'],
      birthYear: 1985,
    })
    expect(matches[0]).toMatchObject({ code: trueCode, matched: ['birthYear', 'name'] })
    expect(matches.filter((m) => m.matched.includes('birthYear'))).toHaveLength(1)
    // 601 people share the name; a year alone (the 300 others) is no match.
    expect(matches).toHaveLength(500)
  })

  it('answers a batch of rows in one query exactly as one row at a time', async () => {
    const inputs = [
      { names: ['김민지'], birthYear: 1985 },
      { names: ['Nobody Here'], birthYear: 1985 },
      { names: ['Pak Chol 7'], birthYear: null },
    ]
    const batch = await duplicateMatchesMany(app, app.database.db, [compartmentId], inputs, 5)
    expect(batch[0]?.[0]).toMatchObject({ code: trueCode, matched: ['birthYear', 'name'] })
    expect(batch[0]).toHaveLength(5)
    expect(batch[1]).toEqual([])
    expect(batch[2]).toHaveLength(1)
    for (const [i, input] of inputs.entries())
      expect(await duplicateMatches(app, app.database.db, [compartmentId], input, 5)).toEqual(
        batch[i],
      )
  })
})
