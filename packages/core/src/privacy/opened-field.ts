import { z } from 'zod'

/**
 * How the API presents a sealed field it opened: the value, or `{ destroyed: true }` when its
 * compartment was shredded — never an error page, never garbage.
 */
export const openedFieldView = z.union([z.string(), z.strictObject({ destroyed: z.literal(true) })])
export type OpenedFieldView = z.infer<typeof openedFieldView>
