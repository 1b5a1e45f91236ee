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
  compartmentRecordImportQuery,
  recordImportQuery,
} from '@haven/core/exchange/record-import-schema'
import {
  type SponsorImportField,
  type SponsorRow,
  sponsorImport,
} from '@haven/core/exchange/sponsor-import'
import {
  type SupplyImportField,
  type SupplyRow,
  supplyImport,
} from '@haven/core/exchange/supply-import'
import type { CreateOrganisation } from '@haven/core/network/index'
import type { AppContext } from '../../app-context.js'
import { assertCompartmentWritable } from '../../compartments/compartment-service.js'
import { findCompartment } from '../../compartments/compartment-store.js'
import { errors } from '../../http/errors.js'
import { ensureDonorsCompartment, recordDonationIn } from '../finance/index.js'
import { createOrganisationIn, ensureNetworkCompartment } from '../network/index.js'
import { createSponsorIn } from '../sponsorship/index.js'
import {
  ensureSuppliesCompartment,
  itemsNamed,
  locationsNamed,
  recordDistributionIn,
  recordMovementIn,
} from '../supplies/index.js'
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
  DistributionRow,
  true
> = {
  name: 'distributions',
  inCompartment: true,
  query: compartmentRecordImportQuery,
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
export const donationsKind: RecordImportKindDefinition<DonationImportField, DonationRow, false> = {
  name: 'donations',
  inCompartment: false,
  query: recordImportQuery,
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
export const partnersKind: RecordImportKindDefinition<
  PartnerImportField,
  CreateOrganisation,
  false
> = {
  name: 'partners',
  inCompartment: false,
  query: recordImportQuery,
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
export const sponsorsKind: RecordImportKindDefinition<SponsorImportField, SponsorRow, true> = {
  name: 'sponsors',
  inCompartment: true,
  query: compartmentRecordImportQuery,
  definition: sponsorImport,
  compartment: namedCompartment,
  async write(app, trx, compartmentId, row, by) {
    return (await createSponsorIn(app, trx, { ...row, compartmentId }, by)).id
  },
}

/** The one record a name on the sheet means, or the row's problem: none, or more than one. */
function theOne<T>(found: readonly T[], field: string, name: string, what: 'item' | 'place'): T {
  const [only] = found
  if (only === undefined || found.length > 1)
    throw errors.validationFailed([
      {
        path: field,
        key: found.length > 1 ? `exchange.ambiguous_${what}` : `exchange.unknown_${what}`,
        params: { name },
      },
    ])
  return only
}

/**
 * Supplies received into a warehouse or shelter, recorded by supplies as goods coming in (no
 * cost, so nothing in the books). The sheet names the item and the place as the supplies screen
 * does, in English or Japanese; a unit, when given, must be the item's. Supplies belong to the
 * organisation, so the rows' keys are kept in the supplies compartment.
 */
export const suppliesKind: RecordImportKindDefinition<SupplyImportField, SupplyRow, false> = {
  name: 'supplies',
  inCompartment: false,
  query: recordImportQuery,
  definition: supplyImport,
  compartment: (app) => ensureSuppliesCompartment(app),
  async write(app, trx, _compartmentId, row, by) {
    const item = theOne(await itemsNamed(trx, row.item), 'item', row.item, 'item')
    const place = theOne(await locationsNamed(trx, row.place), 'place', row.place, 'place')
    if (row.unit !== null && row.unit !== item.unit)
      throw errors.validationFailed([
        {
          path: 'unit',
          key: 'exchange.unit_mismatch',
          params: { name: row.item, unit: item.unit },
        },
      ])
    const movement = await recordMovementIn(
      app,
      trx,
      {
        itemId: item.id,
        kind: 'receipt',
        fromLocationId: null,
        toLocationId: place.id,
        quantity: row.quantity,
        occurredOn: row.on,
        note: row.note,
      },
      by,
    )
    return movement.id
  },
}
