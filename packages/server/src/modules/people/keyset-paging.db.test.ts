import { beforeAll, expect, it } from 'vitest'
import { describeEachDialect } from '../../../test/support/dialects.js'
import { testAppContext } from '../../../test/support/test-app.js'
import type { AppContext } from '../../app-context.js'
import { generateScale } from '../../synthetic/generate-scale.js'
import { countCases, listCases } from './case-store.js'
import type { CasesTable, PeopleTable } from './people-tables.js'
import { countPeople, type PeopleFilter, searchPeople } from './person-store.js'

/**
 * Pages over several compartments are merged from one ordered walk per compartment; walking every
 * page must give exactly the rows, in exactly the order, of sorting them all at once.
 */
describeEachDialect('keyset paging over several compartments', (ctx) => {
  let app: AppContext
  let compartmentIds: string[]
  let people: PeopleTable[]
  let cases: CasesTable[]
  beforeAll(async () => {
    await ctx.reset()
    app = testAppContext(ctx.database())
    await generateScale(app, { people: 150, peoplePerCompartment: 50, batchSize: 50 })
    const db = ctx.database().db
    compartmentIds = (
      await db.selectFrom('compartments').select('id').where('code', 'like', 'SYN-%').execute()
    ).map((c) => c.id)
    people = await db.selectFrom('people').selectAll().execute()
    cases = await db.selectFrom('cases').selectAll().execute()
  })

  const byKeys =
    <T>(...keys: ((row: T) => string | number)[]) =>
    (a: T, b: T) => {
      for (const key of keys) {
        const [x, y] = [key(a), key(b)]
        if (x !== y) return x < y ? -1 : 1
      }
      return 0
    }

  async function walkPeople(
    sort: PeopleFilter['sort'],
    only = compartmentIds,
    extra: Pick<PeopleFilter, 'situation'> = {},
  ) {
    const seen: PeopleTable[] = []
    let after: PeopleFilter['after']
    for (;;) {
      const page = await searchPeople(ctx.database().db, {
        compartmentIds: only,
        sort,
        after,
        limit: 7,
        ...extra,
      })
      seen.push(...page)
      const last = page.at(-1)
      if (page.length < 7 || !last) return seen
      after =
        sort === 'code'
          ? [last.code, last.id]
          : sort === 'last_activity'
            ? [last.last_activity_at, last.id]
            : [last.open_priority, last.code]
    }
  }

  it('gives every person once, in order, for each sort', async () => {
    expect(people).toHaveLength(150)
    expect((await walkPeople('code')).map((p) => p.code)).toEqual(
      [...people].sort(byKeys((p) => p.code)).map((p) => p.code),
    )
    expect((await walkPeople('last_activity')).map((p) => p.id)).toEqual(
      [...people]
        .sort(
          byKeys(
            (p) => p.last_activity_at,
            (p) => p.id,
          ),
        )
        .reverse()
        .map((p) => p.id),
    )
    expect((await walkPeople('priority')).map((p) => p.code)).toEqual(
      [...people]
        .sort(
          byKeys(
            (p) => -p.open_priority,
            (p) => p.code,
          ),
        )
        .map((p) => p.code),
    )
    const [one] = compartmentIds
    expect((await walkPeople('code', one ? [one] : [])).length).toBe(50)
  })

  // The list's statements are compiled once per shape (db/compiled-shapes.ts) and reused with new
  // values: a second situation, or the next page's cursor, must not get the first one's answer.
  it('filters every page and the count by each situation in turn, with statements reused', async () => {
    const db = ctx.database().db
    const situations = [...new Set(people.map((p) => p.situation))]
    expect(situations.length).toBeGreaterThan(1)
    for (const situation of situations) {
      const wanted = people.filter((p) => p.situation === situation)
      for (const sort of ['code', 'last_activity', 'priority'] as const) {
        const seen = await walkPeople(sort, compartmentIds, { situation })
        expect(seen.map((p) => p.id).sort(), `${situation}, ${sort}`).toEqual(
          wanted.map((p) => p.id).sort(),
        )
      }
      expect((await walkPeople('code', compartmentIds, { situation })).map((p) => p.code)).toEqual(
        wanted.map((p) => p.code).sort(),
      )
      expect(await countPeople(db, { compartmentIds, situation }, 1000)).toEqual({
        total: wanted.length,
        capped: false,
      })
      expect(await countPeople(db, { compartmentIds, situation }, 2)).toEqual({
        total: 2,
        capped: wanted.length > 2,
      })
    }
  })

  it('finds the same people by name whichever way the search runs', async () => {
    const db = ctx.database().db
    // The surname among a few that most people here have (about one in twenty each).
    let best = { terms: new Map<string, string[]>(), matching: new Set<string>() }
    for (const surname of ['Kim', 'Ri', 'Pak', 'Choe', 'Jong', 'Kang']) {
      const terms = new Map<string, string[]>()
      for (const id of compartmentIds)
        terms.set(id, await app.crypto.fields.queryTerms(db, id, surname))
      const matching = new Set(
        (
          await db
            .selectFrom('person_terms')
            .select('person_id')
            .where('term', 'in', [...terms.values()].flat())
            .execute()
        ).map((r) => r.person_id),
      )
      if (matching.size > best.matching.size) best = { terms, matching }
    }
    const { terms, matching } = best
    expect(matching.size).toBeGreaterThan(4)
    const matches = people.filter((p) => matching.has(p.id))
    const byCode = [...matches].sort(byKeys((p) => p.code)).map((p) => p.id)
    const byActivity = [...matches]
      .sort(
        byKeys(
          (p) => p.last_activity_at,
          (p) => p.id,
        ),
      )
      .reverse()
      .map((p) => p.id)
    // In code order the term index answers alone (in one statement, or in one per term, the
    // compartments given in reverse so that the pages must be merged); in another order the
    // search starts from the index entries (few) or from the walks (many).
    const reversed = [...compartmentIds].reverse()
    const ways = [
      { sort: 'code', few: 10_000, branches: 200, only: compartmentIds, expected: byCode },
      { sort: 'code', few: 10_000, branches: 1, only: reversed, expected: byCode },
      {
        sort: 'last_activity',
        few: 10_000,
        branches: 200,
        only: compartmentIds,
        expected: byActivity,
      },
      { sort: 'last_activity', few: 0, branches: 200, only: compartmentIds, expected: byActivity },
    ] as const
    for (const way of ways) {
      const seen: string[] = []
      let after: PeopleFilter['after']
      for (;;) {
        const page = await searchPeople(
          db,
          { compartmentIds: way.only, terms, sort: way.sort, after, limit: 4 },
          way.few,
          way.branches,
        )
        seen.push(...page.map((p) => p.id))
        const last = page.at(-1)
        if (page.length < 4 || !last) break
        after = way.sort === 'code' ? [last.code, last.id] : [last.last_activity_at, last.id]
      }
      expect(seen, `${way.sort}, few ${way.few}, ${way.branches} per statement`).toEqual(
        way.expected,
      )
    }
    // The count: exact below the cap; past it "more than", whether known from the index entries
    // alone (a name only) or by counting people (with another filter beside the name).
    const n = matching.size
    expect(await countPeople(db, { compartmentIds, terms }, n)).toEqual({ total: n, capped: false })
    for (const cap of [1, Math.floor(n / 3), n - 1]) {
      expect(await countPeople(db, { compartmentIds, terms }, cap), `cap ${cap}`).toEqual({
        total: cap,
        capped: true,
      })
    }
    const situation = matches[0]?.situation
    const both = matches.filter((p) => p.situation === situation).length
    expect(await countPeople(db, { compartmentIds, terms, situation }, both)).toEqual({
      total: both,
      capped: false,
    })
  })

  it('gives every case once, most recently active first, with and without filters', async () => {
    for (const filter of [{}, { status: 'open' }, { status: 'open', type: 'medical' }] as const) {
      const seen: CasesTable[] = []
      let after: readonly [string, string] | undefined
      for (;;) {
        const page = await listCases(ctx.database().db, {
          compartmentIds,
          viewer: { userId: 'nobody', openIn: compartmentIds },
          after,
          limit: 5,
          ...filter,
        })
        seen.push(...page)
        const last = page.at(-1)
        if (page.length < 5 || !last) break
        after = [last.last_activity_at, last.id]
      }
      const expected = cases
        .filter((c) => !('status' in filter) || c.status === filter.status)
        .filter((c) => !('type' in filter) || c.type === filter.type)
        .sort(
          byKeys(
            (c) => c.last_activity_at,
            (c) => c.id,
          ),
        )
        .reverse()
      expect(expected.length).toBeGreaterThan(0)
      expect(seen.map((c) => c.id)).toEqual(expected.map((c) => c.id))
      // The count, whole and capped below it, over the same compartments.
      const counting = {
        compartmentIds,
        viewer: { userId: 'nobody', openIn: compartmentIds },
        ...filter,
      }
      const db = ctx.database().db
      expect(await countCases(db, counting)).toEqual({ total: expected.length, capped: false })
      expect(await countCases(db, counting, expected.length - 1)).toEqual({
        total: expected.length - 1,
        capped: true,
      })
      const open = cases.filter(
        (c) => c.status !== 'closed' && (!('type' in filter) || c.type === filter.type),
      )
      expect(await countCases(db, { ...counting, status: undefined, openOnly: true })).toEqual({
        total: open.length,
        capped: false,
      })
    }
  })
})
