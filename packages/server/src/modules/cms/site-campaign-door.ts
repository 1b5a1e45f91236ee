import type { AppContext } from '../../app-context.js'
import type { Db } from '../../db/db-handle.js'
import { eraseSiteCampaign, upsertSiteCampaign } from './publication-store.js'
import { publishing } from './site-version.js'

/** A campaign page as its approver let it go public: the fields not chosen are null. */
export interface SiteCampaign {
  readonly slug: string
  readonly publicName: string | null
  readonly arrestedOn: string | null
  readonly arrestPlace: string | null
  readonly termMonths: number | null
  readonly endedOn: string | null
  readonly status: string | null
  readonly textEn: string
  readonly textJa: string
}

/**
 * Puts a detained aid worker's campaign page on the website, with only what its approver chose
 * (the detained module decides that; this copies it to the published tables and refreshes the
 * site). Runs in the caller's transaction when given one.
 */
export async function publishSiteCampaign(
  app: AppContext,
  db: Db,
  campaign: SiteCampaign,
): Promise<void> {
  const now = app.now().toISOString()
  await publishing(app, db, (trx) =>
    upsertSiteCampaign(trx, {
      slug: campaign.slug,
      public_name: campaign.publicName,
      arrested_on: campaign.arrestedOn,
      arrest_place: campaign.arrestPlace,
      term_months: campaign.termMonths,
      ended_on: campaign.endedOn,
      status: campaign.status,
      text_en: campaign.textEn,
      text_ja: campaign.textJa,
      published_at: now,
      withdrawn_at: null,
      updated_at: now,
    }),
  )
}

/** Takes a campaign page off the website: its address answers 410 Gone from then on. */
export async function withdrawSiteCampaign(app: AppContext, db: Db, slug: string): Promise<void> {
  await publishing(app, db, (trx) => eraseSiteCampaign(trx, slug, app.now().toISOString()))
}
