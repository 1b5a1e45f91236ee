import { expect, it } from 'vitest'
import { describeEachDialect } from '../../test/support/dialects.js'
import { insertRows } from './bulk-insert-store.js'

// insertRows carries a batch as one JSON parameter on PostgreSQL: every value must come back as
// the ordinary insert would have stored it — text with quotes, backslashes, newlines, Japanese and
// astral characters, nulls, numbers — and a batch it cannot carry exactly takes the ordinary path.
describeEachDialect('insertRows', (ctx) => {
  const awkward = [
    'plain',
    'quote " and \' and \\ backslash',
    'line\nbreak\ttab',
    '山田 花子 · 延吉',
    '𠮷 and 🍚',
    '{"looks":"like json"}',
  ]

  function row(seq: number, details: string, entityId: string | null) {
    return {
      seq,
      at: `2026-12-07T23:${String(seq % 60).padStart(2, '0')}:00.000Z`,
      actor_id: null,
      action: 'test.bulk_insert',
      entity_type: 'test',
      entity_id: entityId,
      compartment_id: null,
      outcome: 'success' as const,
      request_id: null,
      details,
      prev_hash: `p${seq}`,
      hash: `h${seq}`,
    }
  }

  async function stored(from: number, to: number) {
    return ctx
      .database()
      .db.selectFrom('audit_log')
      .select(['seq', 'details', 'entity_id', 'at'])
      .where('seq', '>=', from)
      .where('seq', '<=', to)
      .orderBy('seq')
      .execute()
  }

  it('stores every value of a batch exactly, awkward text and nulls included', async () => {
    await ctx.reset()
    const rows = awkward.map((text, i) => row(1000 + i, text, i % 2 ? null : `e-${i}`))
    await insertRows(ctx.database().db, 'audit_log', rows, 2)
    const back = await stored(1000, 1000 + awkward.length)
    expect(back.map((r) => r.details)).toEqual(awkward)
    expect(back.map((r) => r.entity_id)).toEqual(rows.map((r) => r.entity_id))
    expect(back.map((r) => Number(r.seq))).toEqual(rows.map((r) => r.seq))
  })

  it('takes the ordinary insert when a row leaves a column out, with the same result', async () => {
    await ctx.reset()
    const { entity_id: _left, ...withoutEntity } = row(2001, 'second', 'x')
    const rows = [row(2000, 'first', 'e-0'), withoutEntity]
    await insertRows(ctx.database().db, 'audit_log', rows, 1000)
    const back = await stored(2000, 2001)
    expect(back.map((r) => [r.details, r.entity_id])).toEqual([
      ['first', 'e-0'],
      ['second', null],
    ])
  })

  it('writes nothing for an empty batch, and nothing of a batch that breaks a constraint', async () => {
    await ctx.reset()
    await insertRows(ctx.database().db, 'audit_log', [], 10)
    const duplicate = [row(3000, 'a', null), row(3000, 'b', null)]
    await expect(insertRows(ctx.database().db, 'audit_log', duplicate, 1000)).rejects.toThrow()
    expect(await stored(3000, 3000)).toEqual([])
  })
})
