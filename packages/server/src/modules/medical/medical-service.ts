import type { MessageKey } from '@haven/core/i18n/catalog-en'
import type { CaseKitView, GiveCaseKits } from '@haven/core/medical/case-kits-schema'
import type {
  CaseRestrictionInput,
  CreateTreatment,
  SensitiveFlag,
  TreatmentKind,
  TreatmentView,
} from '@haven/core/medical/treatment-schema'
import type { CurrencyCode } from '@haven/core/money/currency'
import { formatMinorAsDecimal, type Money, moneyFromDecimal } from '@haven/core/money/money'
import { MoneyError } from '@haven/core/money/money-error'
import { type AppContext, today } from '../../app-context.js'
import type { Actorish } from '../../audit/audit-log.js'
import { audit } from '../../auth/auth-audit.js'
import { assertWritable } from '../../compartments/compartment-access.js'
import { newId } from '../../db/ids.js'
import { errors } from '../../http/errors.js'
import { recordMoney } from '../../money-events.js'
import { type CaseRef, personCodes, setCaseRestrictionIn } from '../people/index.js'
import { handOutItems } from '../supplies/index.js'
import { insertCaseKits, insertTreatment } from './medical-store.js'
import type { MedicalTreatmentsTable } from './medical-tables.js'

const issue = (path: string, key: MessageKey) =>
  errors.validationFailed([{ path, key, params: {} }])

function costOf(cost: NonNullable<CreateTreatment['cost']>): Money {
  try {
    const amount = moneyFromDecimal(cost.currency, cost.amount)
    if (amount.minor <= 0) throw issue('cost.amount', 'field.amount_format')
    return amount
  } catch (error) {
    if (error instanceof MoneyError) throw issue('cost.amount', 'field.amount_format')
    throw error
  }
}

/**
 * Records a treatment of a medical case in the case's compartment; its cost, when paid, is told
 * to the books with `recordMoney` in the same transaction. Audited with its kind and whether it
 * is flagged — never which flag, nor the provider.
 */
export async function recordTreatment(
  app: AppContext,
  kase: CaseRef,
  input: CreateTreatment,
  by: Actorish,
): Promise<MedicalTreatmentsTable> {
  if (kase.type !== 'medical') throw issue('caseId', 'field.case_not_medical')
  if (input.startedOn > today(app).slice(0, 7)) throw issue('startedOn', 'field.date_in_future')
  if (input.cost && input.cost.paidOn > today(app))
    throw issue('cost.paidOn', 'field.date_in_future')
  const cost = input.cost && costOf(input.cost)
  return app.database.db.transaction().execute(async (trx) => {
    await assertWritable(trx, kase.compartmentId)
    const row: MedicalTreatmentsTable = {
      id: newId(),
      compartment_id: kase.compartmentId,
      case_id: kase.id,
      person_id: kase.personId,
      kind: input.kind,
      provider: input.provider,
      started_on: input.startedOn,
      cost_minor: cost ? cost.minor : null,
      currency: cost ? cost.currency : null,
      paid_on: input.cost ? input.cost.paidOn : null,
      flags: JSON.stringify(input.flags),
      sensitive: input.flags.length > 0 ? 1 : 0,
      created_at: app.now().toISOString(),
      created_by: by.actorId,
    }
    await insertTreatment(trx, row)
    if (cost && row.paid_on) {
      const code = (await personCodes(trx, [kase.personId])).get(kase.personId) ?? ''
      await recordMoney(
        app,
        trx,
        {
          source: { module: 'medical', kind: 'treatment', id: row.id },
          on: row.paid_on,
          direction: 'out',
          amount: cost,
          programme: 'medical',
          category: 'treatment',
          counterparty: { kind: 'person', code },
          compartmentId: row.compartment_id,
          memo: `Medical treatment (${row.kind})`,
        },
        by,
      )
    }
    await audit(app, trx, {
      actorId: by.actorId,
      action: 'medical.treatment_recorded',
      entityType: 'Treatment',
      entityId: row.id,
      compartmentId: row.compartment_id,
      requestId: by.requestId,
      details: { caseId: kase.id, kind: row.kind, sensitive: row.sensitive === 1 },
    })
    // A flag restricts who sees the case itself, not only the treatment (people's rule).
    if (row.sensitive === 1) await setCaseRestrictionIn(app, trx, kase.id, 'medical_sensitive', by)
    return row
  })
}

/**
 * Sets or clears the case's sensitive restriction by hand (a coordinator's decision: a flag
 * recorded by mistake, or a person who asks to be seen by their whole team again).
 */
export async function restrictMedicalCase(
  app: AppContext,
  kase: CaseRef,
  input: CaseRestrictionInput,
  by: Actorish,
): Promise<void> {
  if (kase.type !== 'medical') throw issue('caseId', 'field.case_not_medical')
  await app.database.db.transaction().execute(async (trx) => {
    await assertWritable(trx, kase.compartmentId)
    await setCaseRestrictionIn(
      app,
      trx,
      kase.id,
      input.restricted ? 'medical_sensitive' : null,
      by,
      input.reason,
    )
  })
}

/** A treatment as its readers see it (codes only). */
export function presentTreatment(
  t: MedicalTreatmentsTable,
  codes: { caseCode: string; personCode: string },
): TreatmentView {
  return {
    id: t.id,
    compartmentId: t.compartment_id,
    caseId: t.case_id,
    caseCode: codes.caseCode,
    personCode: codes.personCode,
    kind: t.kind as TreatmentKind,
    provider: t.provider,
    startedOn: t.started_on,
    cost:
      t.cost_minor !== null && t.currency && t.paid_on
        ? {
            amount: formatMinorAsDecimal({
              currency: t.currency as CurrencyCode,
              minor: t.cost_minor,
            }),
            currency: t.currency,
            paidOn: t.paid_on,
          }
        : null,
    flags: JSON.parse(t.flags) as SensitiveFlag[],
  }
}

/**
 * Gives first-aid kits to the person of a medical case from a stock location: supplies' handout
 * (stock locked and checked, a distribution movement, audited as `stock.handout`) and the case's
 * record of it, in one transaction. Only an item of kind first-aid kit: clothes and other items
 * go through the handouts screen.
 */
export async function giveCaseKits(
  app: AppContext,
  kase: CaseRef,
  input: GiveCaseKits,
  by: Actorish,
): Promise<CaseKitView> {
  if (kase.type !== 'medical') throw issue('caseId', 'field.case_not_medical')
  const code = (await personCodes(app.database.db, [kase.personId])).get(kase.personId)
  if (!code) throw errors.notFound()
  const made = await handOutItems(
    app,
    {
      itemId: input.itemId,
      fromLocationId: input.fromLocationId,
      compartmentId: kase.compartmentId,
      personCode: code,
      headcount: null,
      quantity: input.quantity,
      occurredOn: input.occurredOn,
    },
    by,
    async (trx, handout) => {
      // Checked inside the transaction, before anything it wrote is kept.
      if (handout.itemKind !== 'first_aid_kit') throw issue('itemId', 'field.item_not_kit')
      await insertCaseKits(trx, {
        handout_id: handout.id,
        case_id: kase.id,
        compartment_id: kase.compartmentId,
        occurred_on: handout.occurredOn,
        created_at: app.now().toISOString(),
      })
    },
  )
  return {
    id: made.id,
    caseId: kase.id,
    itemName: made.itemName,
    itemNameJa: made.itemNameJa,
    quantity: made.quantity,
    occurredOn: made.occurredOn,
  }
}
