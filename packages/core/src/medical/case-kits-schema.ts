import { z } from 'zod'

const id = z.string().min(1).max(100)

export const caseKitsParamsSchema = z.strictObject({ caseId: id })

/**
 * First-aid kits given to the person of a medical case, from a stock location: a supply movement
 * out of that location's stock (checked in the same transaction), recorded against the case.
 */
export const giveCaseKitsSchema = z.strictObject({
  itemId: id,
  fromLocationId: id,
  /** Whole kits. */
  quantity: z.coerce
    .number({ error: 'field.quantity' })
    .int({ error: 'field.quantity_whole' })
    .positive({ error: 'field.quantity_positive' })
    .max(100, { error: 'field.kits_absurd' }),
  occurredOn: z.iso.date({ error: 'field.date_format' }),
})
export type GiveCaseKits = z.infer<typeof giveCaseKitsSchema>

export const caseKitsQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
})

/** Kits given on a medical case: what, how many, from where, on which day. */
export const caseKitView = z.object({
  id: z.string(),
  caseId: z.string(),
  itemName: z.string(),
  itemNameJa: z.string().nullable(),
  quantity: z.number(),
  occurredOn: z.string(),
})
export type CaseKitView = z.infer<typeof caseKitView>
export const caseKitPageView = z.object({ items: z.array(caseKitView), total: z.number() })
export type CaseKitPage = z.infer<typeof caseKitPageView>
