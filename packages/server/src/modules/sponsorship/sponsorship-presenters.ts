import type {
  EnrolmentStatus,
  SponsorshipLeaveReason,
} from '@haven/core/sponsorship/sponsorship-rules'
import { ENDED_STATUSES } from '@haven/core/sponsorship/sponsorship-rules'
import type {
  EnrolmentSummaryView,
  EnrolmentView,
  SponsorSummaryView,
  SponsorView,
} from '@haven/core/sponsorship/sponsorship-views'
import type { AppContext } from '../../app-context.js'
import type { Actor } from '../../auth/actor.js'
import { audit } from '../../auth/auth-audit.js'
import { can } from '../../auth/policy.js'
import { findCompartment } from '../../compartments/compartment-store.js'
import { presentSealed } from '../../crypto/sealed-view.js'
import type { Db } from '../../db/db-handle.js'
import { personCodes } from '../people/index.js'
import { enrolmentAddress, eventNoteAddress, termNoteAddress } from './enrolment-service.js'
import { sponsorContactAddress } from './sponsor-service.js'
import {
  allocationsOf,
  eventsOf,
  pledgesOf,
  schoolPaymentsOf,
  sponsorPaymentsOf,
  termsOf,
} from './sponsorship-store.js'
import type {
  SponsorPaymentsTable,
  SponsorPledgesTable,
  SponsorshipEnrolmentsTable,
  SponsorsTable,
} from './sponsorship-tables.js'

type Level = EnrolmentSummaryView['schoolLevel']

export async function presentEnrolments(
  db: Db,
  rows: readonly SponsorshipEnrolmentsTable[],
): Promise<EnrolmentSummaryView[]> {
  const codes = await personCodes(
    db,
    rows.map((r) => r.person_id),
  )
  const compartments = new Map<string, string>()
  for (const id of new Set(rows.map((r) => r.compartment_id)))
    compartments.set(id, (await findCompartment(db, id))?.code ?? '')
  return rows.map((r) => ({
    id: r.id,
    compartmentId: r.compartment_id,
    compartmentCode: compartments.get(r.compartment_id) ?? '',
    personCode: codes.get(r.person_id) ?? '',
    alias: r.alias,
    status: r.status as EnrolmentStatus,
    joinedOn: r.joined_on,
    schoolLevel: r.school_level as Level,
    grade: r.grade,
    leaveReason: r.leave_reason as SponsorshipLeaveReason | null,
  }))
}

/**
 * An enrolment with its history, terms and payments. Sealed fields (school, guardian, notes) open
 * only for those who may identify, and opening them is audited (which record, never the text).
 */
export async function presentEnrolment(
  app: AppContext,
  actor: Actor,
  row: SponsorshipEnrolmentsTable,
  requestId: string,
): Promise<EnrolmentView> {
  const db = app.database.db
  const record = { compartmentId: row.compartment_id }
  const mayIdentify = can(actor, 'identify', 'SponsorshipEnrolment', record)
  const [summary] = await presentEnrolments(db, [row])
  if (!summary) throw new Error('an enrolment presents as itself')
  const events = await eventsOf(db, row.id)
  const terms = await termsOf(db, row.id)
  const payments = await schoolPaymentsOf(db, row.id)
  const sealedCount =
    (row.school_name ? 1 : 0) +
    (row.guardian ? 1 : 0) +
    events.filter((e) => e.note).length +
    terms.filter((t) => t.progress_note).length
  if (mayIdentify && sealedCount > 0)
    await audit(app, db, {
      actorId: actor.userId,
      action: 'sponsorship.enrolment_details_read',
      entityType: 'SponsorshipEnrolment',
      entityId: row.id,
      compartmentId: row.compartment_id,
      requestId,
      details: { sealedFields: sealedCount },
    })
  const ended = ENDED_STATUSES.includes(row.status as EnrolmentStatus)
  const actions = [
    ...(can(actor, 'update', 'SponsorshipEnrolment', record) && !ended ? ['move', 'record'] : []),
    ...(can(actor, 'manage', 'SponsorshipEnrolment', record) && ended ? ['reopen'] : []),
  ]
  return {
    ...summary,
    version: row.version,
    schoolName: await presentSealed(
      app,
      db,
      enrolmentAddress(row, 'school_name'),
      row.school_name,
      mayIdentify,
    ),
    guardian: await presentSealed(
      app,
      db,
      enrolmentAddress(row, 'guardian'),
      row.guardian,
      mayIdentify,
    ),
    events: await Promise.all(
      events.map(async (e) => ({
        seq: e.seq,
        on: e.on_date,
        from: e.from_status as EnrolmentStatus | null,
        to: e.to_status as EnrolmentStatus,
        reason: e.reason as SponsorshipLeaveReason | null,
        incidentId: e.incident_id,
        note: await presentSealed(app, db, eventNoteAddress(e), e.note, mayIdentify),
      })),
    ),
    terms: await Promise.all(
      terms.map(async (t) => ({
        id: t.id,
        label: t.label,
        startsOn: t.starts_on,
        endsOn: t.ends_on,
        daysPossible: t.days_possible,
        daysAttended: t.days_attended,
        progressNote: await presentSealed(
          app,
          db,
          termNoteAddress(t),
          t.progress_note,
          mayIdentify,
        ),
      })),
    ),
    payments: payments.map((p) => ({
      id: p.id,
      kind: p.kind as 'stipend' | 'fee',
      amountMinor: p.amount_minor,
      currency: p.currency,
      paidOn: p.paid_on,
      paidThrough: p.paid_through,
    })),
    actions,
  }
}

const PERIOD_DAYS: Record<string, number> = { monthly: 31, quarterly: 92, yearly: 366 }
const GRACE_DAYS = 15
const days = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)

/**
 * A pledge is lapsed when it is running and no payment in its currency came within a period
 * (and a fortnight's grace) of the later of its start and the last payment: to follow up.
 */
export function lapsed(
  pledges: readonly SponsorPledgesTable[],
  payments: readonly SponsorPaymentsTable[],
  on: string,
): boolean {
  return pledges.some((p) => {
    const period = PERIOD_DAYS[p.frequency]
    if (!period || p.starts_on > on || (p.ends_on !== null && p.ends_on < on)) return false
    const last = payments
      .filter((x) => x.currency === p.currency && x.received_on >= p.starts_on)
      .map((x) => x.received_on)
      .sort()
      .at(-1)
    return days(last ?? p.starts_on, on) > period + GRACE_DAYS
  })
}

export async function presentSponsors(
  db: Db,
  rows: readonly SponsorsTable[],
  on: string,
): Promise<SponsorSummaryView[]> {
  const ids = rows.map((r) => r.id)
  const [pledges, payments, allocations] = await Promise.all([
    pledgesOf(db, ids),
    sponsorPaymentsOf(db, ids),
    allocationsOf(db, ids),
  ])
  return rows.map((r) => {
    const mine = allocations.filter((a) => a.sponsor_id === r.id)
    return {
      id: r.id,
      code: r.code,
      compartmentId: r.compartment_id,
      kind: r.kind as SponsorSummaryView['kind'],
      language: r.language as SponsorSummaryView['language'],
      children: mine.flatMap((a) => (a.alias ? [a.alias] : [])),
      wholePlan: mine.some((a) => a.enrolment_id === null),
      lapsed: lapsed(
        pledges.filter((p) => p.sponsor_id === r.id),
        payments.filter((p) => p.sponsor_id === r.id),
        on,
      ),
    }
  })
}

/** A sponsor with pledges, payments and allocations; the contact opens (audited) for coordinators. */
export async function presentSponsor(
  app: AppContext,
  actor: Actor,
  row: SponsorsTable,
  on: string,
  requestId: string,
): Promise<SponsorView> {
  const db = app.database.db
  const record = { compartmentId: row.compartment_id }
  const mayIdentify = can(actor, 'identify', 'Sponsor', record)
  const [summary] = await presentSponsors(db, [row], on)
  if (!summary) throw new Error('a sponsor presents as itself')
  if (mayIdentify)
    await audit(app, db, {
      actorId: actor.userId,
      action: 'sponsorship.sponsor_contact_read',
      entityType: 'Sponsor',
      entityId: row.id,
      compartmentId: row.compartment_id,
      requestId,
      details: { code: row.code },
    })
  const [pledges, payments, allocations] = await Promise.all([
    pledgesOf(db, [row.id]),
    sponsorPaymentsOf(db, [row.id]),
    allocationsOf(db, [row.id]),
  ])
  return {
    ...summary,
    contact: await presentSealed(app, db, sponsorContactAddress(row), row.contact, mayIdentify),
    pledges: pledges.map((p) => ({
      id: p.id,
      amountMinor: p.amount_minor,
      currency: p.currency,
      frequency: p.frequency as SponsorView['pledges'][number]['frequency'],
      startsOn: p.starts_on,
      endsOn: p.ends_on,
    })),
    payments: payments.map((p) => ({
      id: p.id,
      amountMinor: p.amount_minor,
      currency: p.currency,
      receivedOn: p.received_on,
    })),
    allocations: allocations.map((a) => ({ id: a.id, alias: a.alias, fromDate: a.from_date })),
    actions: can(actor, 'update', 'Sponsor', record) ? ['record'] : [],
  }
}
