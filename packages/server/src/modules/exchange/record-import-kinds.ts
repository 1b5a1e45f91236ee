import {
  type DistributionImportField,
  type DistributionRow,
  distributionImport,
} from '@haven/core/exchange/distribution-import'
import {
  type DonationImportField,
  type DonationRow,
  donationImport,
} from '@haven/core/exchange/donation-import'
import { type PartnerImportField, partnerImport } from '@haven/core/exchange/partner-import'
import {
  type SponsorImportField,
  type SponsorRow,
  sponsorImport,
} from '@haven/core/exchange/sponsor-import'
import type { CreateOrganisation } from '@haven/core/network/index'
import type { AppContext } from '../../app-context.js'
import { assertCompartmentWritable } from '../../compartments/compartment-service.js'
import { findCompartment } from '../../compartments/compartment-store.js'
import { errors } from '../../http/errors.js'
import { ensureDonorsCompartment, recordDonationIn } from '../finance/index.js'
import { createOrganisationIn, ensureNetworkCompartment } from '../network/index.js'
import { createSponsorIn } from '../sponsorship/index.js'
import { recordDistributionIn } from '../supplies/index.js'
import type { RecordImportKindDefinition } from './record-import-service.js'

/** The compartment the request names, checked writable before anything is written there. */
async function namedCompartment(
  app: AppContext,
  named: string | undefined,
  writing: boolean,
): Promise<string> {
  const compartment = named ? await findCompartment(app.database.db, named) : undefined
  if (!compartment) throw errors.notFound()
  if (writing) await assertCompartmentWritable(app.database.db, compartment)
  return compartment.id
}

/**
 * Headcount distributions, recorded in the compartment the request names under its allowance
 * policy: a row past the daily or monthly cap is refused with the cap's own message (an import
 * never overrides a cap; a coordinator records that one by hand, with a reason).
 */
export const distributionsKind: RecordImportKindDefinition<
  DistributionImportField,
  DistributionRow
> = {
  name: 'distributions',
  inCompartment: true,
  definition: distributionImport,
  compartment: namedCompartment,
  async write(app, trx, compartmentId, row, by) {
    const recorded = await recordDistributionIn(
      app,
      trx,
      { compartmentId, day: row.day, headcount: row.headcount },
      { ...by, mayOverride: false },
    )
    return recorded.row.id
  },
}

/**
 * Donations received, posted by finance as its own entries are (closed months and missing rates
 * refuse a row). They name donors by code only; their row keys are kept in the donors compartment.
 */
export const donationsKind: RecordImportKindDefinition<DonationImportField, DonationRow> = {
  name: 'donations',
  inCompartment: false,
  definition: donationImport,
  compartment: (app) => ensureDonorsCompartment(app),
  async write(app, trx, _compartmentId, row, by) {
    return (await recordDonationIn(app, trx, row, by)).id
  },
}

/**
 * Partner organisations, created as the network screen creates them (with the first entry of
 * their relationship history). A sheet of partners holds no contact person: contacts are sealed
 * and added by hand. Their row keys are kept in the network compartment.
 */
export const partnersKind: RecordImportKindDefinition<PartnerImportField, CreateOrganisation> = {
  name: 'partners',
  inCompartment: false,
  definition: partnerImport,
  compartment: (app) => ensureNetworkCompartment(app),
  async write(app, trx, _compartmentId, row, by) {
    return (await createOrganisationIn(app, trx, row, by)).id
  },
}

/**
 * Sponsors, created by sponsorship in the compartment the request names: their contact (name,
 * address) is sealed there by sponsorship's own write, and the row's identity (its ref, else the
 * contact) is only ever stored as a keyed hash.
 */
export const sponsorsKind: RecordImportKindDefinition<SponsorImportField, SponsorRow> = {
  name: 'sponsors',
  inCompartment: true,
  definition: sponsorImport,
  compartment: namedCompartment,
  async write(app, trx, compartmentId, row, by) {
    return (await createSponsorIn(app, trx, { ...row, compartmentId }, by)).id
  },
}
