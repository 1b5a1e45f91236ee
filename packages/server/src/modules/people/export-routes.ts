import { identitySchema } from '@haven/core/people/person-schema'
import { Encrypter } from 'age-encryption'
import { z } from 'zod'
import { defineRoute } from '../../api/api-route.js'
import type { AppContext } from '../../app-context.js'
import type { Actor } from '../../auth/actor.js'
import { audit } from '../../auth/auth-audit.js'
import { can } from '../../auth/policy.js'
import { toCsv } from '../../csv/spreadsheet-csv.js'
import { errors } from '../../http/errors.js'
import { caseViewer } from './case-restriction.js'
import { casesForExport } from './case-store.js'
import { openIdentity } from './person-service.js'
import { compartmentCodes, peoplePageAfter, tagsOf } from './person-store.js'

const exportQuery = z.strictObject({ compartmentId: z.string().max(100).optional() })
const identifyingExport = z.strictObject({
  compartmentId: z.string().max(100).optional(),
  /** The export is age-encrypted to this passphrase; Haven keeps no copy of it. */
  passphrase: z.string().min(12).max(512),
})

const BASE = [
  'code',
  'compartment',
  'age_band',
  'situation',
  'arrival_month',
  'languages',
  'tags',
  'open_cases',
]
const IDENTIFYING = [
  'name_hangul',
  'name_hanzi',
  'name_kana',
  'name_latin',
  'birth',
  'birth_precision',
  'approximate_age',
  'sex',
  'place_of_origin',
  'phones',
  'notes',
]

/** Every person in the caller's compartments (streamed in pages so memory stays bounded). */
async function* peopleIn(app: AppContext, compartmentIds: readonly string[]) {
  const db = app.database.db
  let after = ''
  for (;;) {
    if (compartmentIds.length === 0) return
    const page = await peoplePageAfter(db, compartmentIds, after, 500)
    if (page.length === 0) return
    yield page
    after = page.at(-1)?.code ?? after
  }
}

async function exportRows(
  app: AppContext,
  actor: Actor,
  compartmentIds: readonly string[],
  identifying: boolean,
) {
  const db = app.database.db
  const rows: (string | number | null)[][] = []
  for await (const page of peopleIn(app, compartmentIds)) {
    const [tags, codes] = await Promise.all([
      tagsOf(
        db,
        page.map((p) => p.id),
      ),
      compartmentCodes(
        db,
        page.map((p) => p.compartment_id),
      ),
    ])
    for (const p of page) {
      const row: (string | number | null)[] = [
        p.code,
        codes.get(p.compartment_id) ?? '',
        p.age_band,
        p.situation,
        p.arrival_month,
        (JSON.parse(p.languages) as string[]).join(' '),
        (tags.get(p.id) ?? []).join(' '),
        p.open_cases,
      ]
      if (identifying) {
        if (!can(actor, 'identify', 'Person', { compartmentId: p.compartment_id }))
          throw errors.forbidden()
        const identity = await openIdentity(app, db, p)
        const parsed = identity ? identitySchema.parse(identity) : null
        const name = (script: string) =>
          parsed?.names.find((n) => n.script === script)?.value ?? (parsed ? '' : 'destroyed')
        row.push(
          name('hangul'),
          name('hanzi'),
          name('kana'),
          name('latin'),
          parsed?.birth?.date ?? null,
          parsed?.birth?.precision ?? null,
          parsed?.birth?.approximateAge ?? null,
          parsed?.sex ?? null,
          parsed?.placeOfOrigin ?? null,
          parsed?.phones.join(' ') ?? null,
          parsed?.notes ?? null,
        )
      }
      rows.push(row)
    }
  }
  return rows
}

export const exportRoutes = [
  defineRoute({
    method: 'post',
    path: '/exports/people',
    summary: 'CSV of people without identifying columns (codes and attributes). Audited.',
    tag: 'exports',
    access: {
      kind: 'policy',
      entity: 'Person',
      action: 'export',
      scope: 'compartments',
      only: ({ body }) => body.compartmentId,
    },
    body: exportQuery,
    binary: true,
    response: z.unknown(),
    async handle({ app, body, actor, scope: compartmentIds, audit: by }) {
      const rows = await exportRows(app, actor(), compartmentIds, false)
      await audit(app, app.database.db, {
        actorId: by.actorId,
        action: 'export.people',
        entityType: 'Person',
        compartmentId: body.compartmentId ?? null,
        requestId: by.requestId,
        details: { identifying: false, rows: rows.length, compartments: compartmentIds.length },
      })
      return {
        bytes: Buffer.from(toCsv(BASE, rows), 'utf8'),
        contentType: 'text/csv; charset=utf-8',
        fileName: 'haven-people.csv',
      }
    },
  }),
  defineRoute({
    method: 'post',
    path: '/exports/people/identifying',
    summary:
      'CSV of people with identities, age-encrypted to a passphrase (identify permission, re-authentication). Audited.',
    tag: 'exports',
    access: {
      kind: 'policy',
      entity: 'Person',
      action: 'identify',
      scope: 'compartments',
      only: ({ body }) => body.compartmentId,
    },
    reauth: true,
    body: identifyingExport,
    binary: true,
    response: z.unknown(),
    errors: ['reauthRequired', 'forbidden'],
    async handle({ app, body, actor, scope: compartmentIds, audit: by }) {
      const rows = await exportRows(app, actor(), compartmentIds, true)
      const encrypter = new Encrypter()
      encrypter.setPassphrase(body.passphrase)
      const sealed = await encrypter.encrypt(toCsv([...BASE, ...IDENTIFYING], rows))
      await audit(app, app.database.db, {
        actorId: by.actorId,
        action: 'export.people',
        entityType: 'Person',
        compartmentId: body.compartmentId ?? null,
        requestId: by.requestId,
        details: { identifying: true, rows: rows.length, compartments: compartmentIds.length },
      })
      return {
        bytes: sealed,
        contentType: 'application/octet-stream',
        fileName: 'haven-people.csv.age',
      }
    },
  }),
  defineRoute({
    method: 'post',
    path: '/exports/cases',
    summary: 'CSV of cases without identifying columns. Audited.',
    tag: 'exports',
    access: {
      kind: 'policy',
      entity: 'Case',
      action: 'list',
      scope: 'compartments',
      only: ({ body }) => body.compartmentId,
    },
    body: exportQuery,
    binary: true,
    response: z.unknown(),
    async handle({ app, actor, body, scope: compartmentIds, audit: by }) {
      const db = app.database.db
      const cases = await casesForExport(
        db,
        compartmentIds,
        await caseViewer(db, actor(), compartmentIds),
      )
      await audit(app, db, {
        actorId: by.actorId,
        action: 'export.cases',
        entityType: 'Case',
        compartmentId: body.compartmentId ?? null,
        requestId: by.requestId,
        details: { rows: cases.length },
      })
      const rows = cases.map((c) => [
        c.code,
        c.person_code,
        c.type,
        c.status,
        c.priority,
        c.opened_on,
        c.closed_on,
        c.outcome,
      ])
      return {
        bytes: Buffer.from(
          toCsv(
            ['code', 'person', 'type', 'status', 'priority', 'opened_on', 'closed_on', 'outcome'],
            rows,
          ),
          'utf8',
        ),
        contentType: 'text/csv; charset=utf-8',
        fileName: 'haven-cases.csv',
      }
    },
  }),
]
