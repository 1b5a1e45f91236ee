import type {
  ApproveCampaign,
  CampaignView,
  PublicCampaign,
} from '@haven/core/detained/campaign-schemas'
import type { DetentionStatus, SetPublicFigure } from '@haven/core/detained/detained-schemas'
import type { AppContext } from '../../app-context.js'
import type { Actorish } from '../../audit/audit-log.js'
import { audit } from '../../auth/auth-audit.js'
import { assertWritable } from '../../compartments/compartment-access.js'
import type { Db } from '../../db/db-handle.js'
import { errors } from '../../http/errors.js'
import { publishSiteCampaign, withdrawSiteCampaign } from '../cms/index.js'
import { workerNameAddress } from './detained-service.js'
import {
  findCampaignBySlug,
  findCampaignOf,
  findWorker,
  saveCampaign,
  updateWorkerIfVersion,
} from './detained-store.js'
import type { DetainedCampaignsTable, DetainedWorkersTable } from './detained-tables.js'

const issue = (path: string, key: 'field.not_public_figure' | 'field.campaign_slug_taken') =>
  errors.validationFailed([{ path, key, params: {} }])

/** The chosen fields of a record, and nothing else, as the public site will hold them. */
async function publicCopy(
  app: AppContext,
  db: Db,
  worker: DetainedWorkersTable,
  campaign: DetainedCampaignsTable,
): Promise<PublicCampaign> {
  const sentence = campaign.show_sentence === 1 && worker.term_months !== null
  return {
    slug: campaign.slug,
    publicName:
      campaign.show_name === 1 && worker.public_figure === 1
        ? await app.crypto.fields.open(db, workerNameAddress(worker), worker.name)
        : null,
    arrestedOn: campaign.show_arrest === 1 ? worker.arrested_on : null,
    arrestPlace: campaign.show_arrest === 1 ? worker.arrest_place : null,
    termMonths: sentence ? worker.term_months : null,
    // Served time stops at release: the phrase needs the day, and says no more than the phrase.
    endedOn: sentence ? worker.ended_on : null,
    status: campaign.show_status === 1 ? (worker.status as DetentionStatus) : null,
    textEn: campaign.text_en ?? '',
    textJa: campaign.text_ja ?? '',
  }
}

/** The fields chosen, by name (what the audit entry records: never their values). */
const chosen = (c: DetainedCampaignsTable) =>
  (
    [
      ['publicName', c.show_name],
      ['arrest', c.show_arrest],
      ['sentence', c.show_sentence],
      ['status', c.show_status],
    ] as const
  )
    .filter(([, on]) => on === 1)
    .map(([name]) => name)

/**
 * Approves the record's public campaign page with exactly the fields chosen, or publishes new
 * choices over an approved one. The name goes only for a record marked as a public figure. Page,
 * record and audit entry are one transaction.
 */
export async function approveCampaign(
  app: AppContext,
  worker: DetainedWorkersTable,
  input: ApproveCampaign,
  by: Actorish,
): Promise<void> {
  if (input.fields.publicName && worker.public_figure !== 1)
    throw issue('fields.publicName', 'field.not_public_figure')
  await app.database.db.transaction().execute(async (trx) => {
    await assertWritable(trx, worker.compartment_id)
    const taken = await findCampaignBySlug(trx, input.slug)
    if (taken && taken.worker_id !== worker.id) throw issue('slug', 'field.campaign_slug_taken')
    const before = await findCampaignOf(trx, worker.id)
    const now = app.now().toISOString()
    const row: DetainedCampaignsTable = {
      worker_id: worker.id,
      compartment_id: worker.compartment_id,
      slug: input.slug,
      show_name: input.fields.publicName ? 1 : 0,
      show_arrest: input.fields.arrest ? 1 : 0,
      show_sentence: input.fields.sentence ? 1 : 0,
      show_status: input.fields.status ? 1 : 0,
      text_en: input.textEn,
      text_ja: input.textJa,
      approved_at: now,
      approved_by: by.actorId,
      withdrawn_at: null,
      updated_at: now,
    }
    await saveCampaign(trx, row)
    // A new address: the old one is withdrawn (410), so no link to it shows stale facts.
    if (before && before.slug !== row.slug && before.withdrawn_at === null)
      await withdrawSiteCampaign(app, trx, before.slug)
    await publishSiteCampaign(app, trx, await publicCopy(app, trx, worker, row))
    await audit(app, trx, {
      actorId: by.actorId,
      action: 'detained.campaign_approved',
      entityType: 'DetainedWorker',
      entityId: worker.id,
      compartmentId: worker.compartment_id,
      requestId: by.requestId,
      details: { code: worker.code, slug: row.slug, fields: chosen(row) },
    })
  })
}

/** Withdraws the page: off the site (410 there), its texts erased here too. 404 if none is live. */
export async function withdrawCampaign(
  app: AppContext,
  worker: DetainedWorkersTable,
  by: Actorish,
): Promise<void> {
  await app.database.db.transaction().execute(async (trx) => {
    await assertWritable(trx, worker.compartment_id)
    const campaign = await findCampaignOf(trx, worker.id)
    if (!campaign || campaign.withdrawn_at !== null) throw errors.notFound()
    const now = app.now().toISOString()
    await saveCampaign(trx, {
      ...campaign,
      text_en: null,
      text_ja: null,
      approved_at: null,
      approved_by: null,
      withdrawn_at: now,
      updated_at: now,
    })
    await withdrawSiteCampaign(app, trx, campaign.slug)
    await audit(app, trx, {
      actorId: by.actorId,
      action: 'detained.campaign_withdrawn',
      entityType: 'DetainedWorker',
      entityId: worker.id,
      compartmentId: worker.compartment_id,
      requestId: by.requestId,
      details: { code: worker.code, slug: campaign.slug },
    })
  })
}

/**
 * After a change in detention, a live campaign page shows the record as it now is (status, the
 * day served time stopped), with the same chosen fields. In the caller's transaction.
 */
export async function refreshCampaign(
  app: AppContext,
  trx: Db,
  worker: DetainedWorkersTable,
): Promise<void> {
  const campaign = await findCampaignOf(trx, worker.id)
  if (!campaign || campaign.withdrawn_at !== null) return
  await publishSiteCampaign(app, trx, await publicCopy(app, trx, worker, campaign))
}

/** The campaign as the app shows it, or null when none is live. */
export async function campaignOf(db: Db, workerId: string): Promise<CampaignView | null> {
  const c = await findCampaignOf(db, workerId)
  if (!c || c.withdrawn_at !== null || c.approved_at === null) return null
  return {
    slug: c.slug,
    fields: {
      publicName: c.show_name === 1,
      arrest: c.show_arrest === 1,
      sentence: c.show_sentence === 1,
      status: c.show_status === 1,
    },
    textEn: c.text_en ?? '',
    textJa: c.text_ja ?? '',
    approvedAt: c.approved_at,
  }
}

/**
 * Marks the record a public figure, or no longer one. Withdrawing the flag while a live campaign
 * page shows the name takes the name off that page in the same transaction, and the rest of the
 * page stays. The flag is a safety decision (naming may now endanger the worker or the family): a
 * refusal would keep the name in public until someone also withdrew the whole page. Audited with
 * the code and whether the name left a page, never the name.
 */
export async function setPublicFigure(
  app: AppContext,
  worker: DetainedWorkersTable,
  input: SetPublicFigure,
  by: Actorish,
): Promise<{ nameUnpublished: boolean }> {
  return app.database.db.transaction().execute(async (trx) => {
    await assertWritable(trx, worker.compartment_id)
    const flag = input.publicFigure ? 1 : 0
    const now = app.now().toISOString()
    if (
      !(await updateWorkerIfVersion(trx, worker.id, input.version, {
        public_figure: flag,
        updated_at: now,
      }))
    )
      throw errors.versionConflict({
        yourVersion: input.version,
        currentVersion: (await findWorker(trx, worker.id))?.version ?? null,
        yourChanges: ['publicFigure'],
      })
    let nameUnpublished = false
    const campaign = await findCampaignOf(trx, worker.id)
    if (flag === 0 && campaign && campaign.withdrawn_at === null && campaign.show_name === 1) {
      const row = { ...campaign, show_name: 0, updated_at: now }
      await saveCampaign(trx, row)
      await publishSiteCampaign(
        app,
        trx,
        await publicCopy(app, trx, { ...worker, public_figure: 0 }, row),
      )
      nameUnpublished = true
    }
    await audit(app, trx, {
      actorId: by.actorId,
      action: flag ? 'detained.public_figure_set' : 'detained.public_figure_cleared',
      entityType: 'DetainedWorker',
      entityId: worker.id,
      compartmentId: worker.compartment_id,
      requestId: by.requestId,
      details: { code: worker.code, ...(nameUnpublished ? { nameUnpublished } : {}) },
    })
    return { nameUnpublished }
  })
}
