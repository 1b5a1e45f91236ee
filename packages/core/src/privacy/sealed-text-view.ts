import { z } from 'zod'

/** A sealed field as the API presents it: its value, hidden (no permission), or destroyed (shredded). */
export const sealedTextView = z.union([
  z.object({ state: z.literal('shown'), value: z.string() }),
  z.object({ state: z.literal('hidden') }),
  z.object({ state: z.literal('destroyed') }),
])
export type SealedTextView = z.infer<typeof sealedTextView>
