import type {
  AssignmentKind,
  LanguageLevel,
  VolunteerStatus,
  Weekday,
} from '@haven/core/volunteers/volunteers-schemas'
import type { VolunteerSummaryView, VolunteerView } from '@haven/core/volunteers/volunteers-views'
import type { AppContext } from '../../app-context.js'
import type { Actor } from '../../auth/actor.js'
import { audit } from '../../auth/auth-audit.js'
import { can } from '../../auth/policy.js'
import { presentSealed } from '../../crypto/sealed-view.js'
import { volunteerFieldAddress } from './volunteers-service.js'
import { assignmentsOf, hoursOf } from './volunteers-store.js'
import type { VolunteersTable } from './volunteers-tables.js'

const hours = (minutes: number) => minutes / 60

/** The volunteer as lists show them: a code and what they offer, never the name. */
export function presentVolunteerSummary(
  row: VolunteersTable,
  minutesLogged: number,
): VolunteerSummaryView {
  return {
    id: row.id,
    compartmentId: row.compartment_id,
    code: row.code,
    status: row.status as VolunteerStatus,
    appliedOn: row.applied_on,
    languages: JSON.parse(row.languages) as { language: string; level: LanguageLevel }[],
    skills: JSON.parse(row.skills) as string[],
    availableDays: row.available_days ? (row.available_days.split(',') as Weekday[]) : [],
    hoursPerWeek: row.hours_per_week,
    hoursLogged: hours(minutesLogged),
  }
}

/**
 * The whole record. Name, email and phone open only for those who may identify in its
 * compartment, and one audit entry says they were opened (never what they say).
 */
export async function presentVolunteer(
  app: AppContext,
  actor: Actor,
  row: VolunteersTable,
  requestId: string,
): Promise<VolunteerView> {
  const db = app.database.db
  const record = { compartmentId: row.compartment_id }
  const mayIdentify = can(actor, 'identify', 'Volunteer', record)
  if (mayIdentify)
    await audit(app, db, {
      actorId: actor.userId,
      action: 'volunteers.identity_read',
      entityType: 'Volunteer',
      entityId: row.id,
      compartmentId: row.compartment_id,
      requestId,
      details: { code: row.code },
    })
  const [assignments, logged] = await Promise.all([assignmentsOf(db, row.id), hoursOf(db, row.id)])
  const open = (column: 'name' | 'email' | 'phone') =>
    presentSealed(app, db, volunteerFieldAddress(row, column), row[column], mayIdentify)
  return {
    ...presentVolunteerSummary(
      row,
      logged.reduce((sum, h) => sum + h.minutes, 0),
    ),
    name: await open('name'),
    email: await open('email'),
    phone: await open('phone'),
    version: row.version,
    assignments: assignments.map((a) => ({
      id: a.id,
      kind: a.kind as AssignmentKind,
      eventId: a.event_id,
      label: a.label,
      startsOn: a.starts_on,
      endsOn: a.ends_on,
    })),
    hours: logged.map((h) => ({
      id: h.id,
      on: h.on_date,
      hours: hours(h.minutes),
      assignmentId: h.assignment_id,
    })),
    actions: can(actor, 'update', 'Volunteer', record) ? ['update'] : [],
  }
}
