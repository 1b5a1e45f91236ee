import type { FieldMutation, PulledCase, PulledPerson } from '@haven/core/field/field-schemas'
import { ApiError } from '../../lib/api-client.js'
import { apiGet, apiPost } from '../../lib/typed-api.js'
import type { Vault } from './field-vault.js'

/** What the phone keeps, each value one sealed blob in the vault. */
export interface FieldState {
  deviceId: string
  cursor?: string
  /** Minutes between the phone's clock and the server's at the last contact. */
  clockSkewMinutes?: number
  lastSync?: string
}

/** An outbox entry: the change, when it was made, and the server's last refusal if any. */
export interface OutboxEntry {
  m: FieldMutation
  at: string
  refused?: string
}

export interface Shelter {
  id: string
  code: string
}

export interface SyncReport {
  applied: number
  flagged: number
  conflicts: number
  refused: number
}

/** The server tells a revoked phone 410: the caller wipes everything. */
export class DeviceRevoked extends Error {
  override name = 'DeviceRevoked'
}

const BATCH = 50
/** A clock this far off (minutes) makes dates entered offline suspect. */
export const CLOCK_TOLERANCE_MINUTES = 5

export const skewMinutes = (serverTime: string, now = Date.now()) =>
  Math.round((now - Date.parse(serverTime)) / 60_000)

/** A request of this phone; the server answers 410 once the phone is revoked. */
async function call<T>(request: Promise<T>): Promise<T> {
  try {
    return await request
  } catch (error) {
    if (error instanceof ApiError && error.status === 410) throw new DeviceRevoked()
    throw error
  }
}

/** Adds a change to the outbox (sealed like everything else). */
export async function enqueue(vault: Vault, m: FieldMutation): Promise<number> {
  const outbox = (await vault.get<OutboxEntry[]>('outbox')) ?? []
  outbox.push({ m, at: new Date().toISOString() })
  await vault.put('outbox', outbox)
  return outbox.length
}

/**
 * Pushes the outbox in batches (progress after each), then pulls until nothing more waits.
 * An entry leaves the outbox only once the server has answered for it; a cut connection leaves
 * the rest for next time, and the server answers a resent entry as before (no duplicates).
 */
export async function sync(
  vault: Vault,
  progress: (done: number, total: number, phase: 'push' | 'pull') => void,
): Promise<SyncReport> {
  const state = await vault.get<FieldState>('state')
  if (!state) throw new Error('no device')
  const report: SyncReport = { applied: 0, flagged: 0, conflicts: 0, refused: 0 }
  let outbox = (await vault.get<OutboxEntry[]>('outbox')) ?? []
  const total = outbox.length
  let done = 0
  progress(0, total, 'push')
  while (done < total) {
    const batch = outbox.slice(0, BATCH)
    const answer = await call(
      apiPost('/field/sync/push', {
        body: { deviceId: state.deviceId, mutations: batch.map((e) => e.m) },
      }),
    )
    const refused = new Map<string, string>()
    for (const r of answer.results) {
      if (r.outcome === 'refused') refused.set(r.clientId, r.code ?? 'refused')
      else if (r.outcome === 'flagged') report.flagged += 1
      else if (r.outcome === 'conflict') report.conflicts += 1
      else report.applied += 1
    }
    report.refused += refused.size
    // Refused entries stay (with the reason shown) after the ones not yet sent.
    const kept = batch
      .filter((e) => refused.has(e.m.clientId))
      .map((e) => ({ ...e, refused: refused.get(e.m.clientId) ?? '' }))
    outbox = [...outbox.slice(BATCH), ...kept]
    await vault.put('outbox', outbox)
    done += batch.length
    state.clockSkewMinutes = skewMinutes(answer.serverTime)
    progress(done, total, 'push')
  }
  await pull(vault, state, (n) => progress(n, n, 'pull'))
  state.lastSync = new Date().toISOString()
  await vault.put('state', state)
  return report
}

async function pull(vault: Vault, state: FieldState, progress: (n: number) => void) {
  const people = new Map(((await vault.get<PulledPerson[]>('people')) ?? []).map((p) => [p.id, p]))
  const cases = new Map(((await vault.get<PulledCase[]>('cases')) ?? []).map((c) => [c.id, c]))
  let received = 0
  for (;;) {
    const page = await call(
      apiGet('/field/sync/pull', { query: { deviceId: state.deviceId, cursor: state.cursor } }),
    )
    // A grant taken away: everything of that compartment leaves the phone now.
    const purged = new Set(page.purge)
    for (const [id, p] of people) if (purged.has(p.compartmentId)) people.delete(id)
    for (const [id, c] of cases) if (purged.has(c.compartmentId)) cases.delete(id)
    for (const p of page.people) p.merged ? people.delete(p.id) : people.set(p.id, p)
    for (const c of page.cases) cases.set(c.id, c)
    await vault.put('shelters', page.shelters)
    await vault.put('compartments', page.compartments)
    await vault.put('registerIn', page.registerIn)
    state.cursor = page.cursor
    state.clockSkewMinutes = skewMinutes(page.serverTime)
    received += page.people.length + page.cases.length
    progress(received)
    if (!page.more) break
  }
  await vault.put('people', [...people.values()])
  await vault.put('cases', [...cases.values()])
  await vault.put('state', state)
}
