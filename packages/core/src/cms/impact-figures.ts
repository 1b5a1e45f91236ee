import { z } from 'zod'

/**
 * Impact figures on the home page ("people protected in FY2005–2006"): published by an editor
 * from the annual report's figures until the annual report publishes them itself. Each figure
 * passes the disclosure engine before it is stored; the site shows only what the engine lets
 * through (a number, or a band of words for a small count), never a live record.
 */
export const IMPACT_SENSITIVITIES = ['people-protected', 'people-served', 'quantity'] as const
export type ImpactSensitivity = (typeof IMPACT_SENSITIVITIES)[number]

/** At most this many figures on the home page: a glance, not a table. */
export const MAX_IMPACT_FIGURES = 6

const label = z.string().trim().min(1, 'field.required').max(80)

export const impactFigureSchema = z.strictObject({
  /** Stable key (the annual report's figure key, `<module>.<what>`), also the measure's name. */
  key: z.string().regex(/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$/, 'field.invalid'),
  sensitivity: z.enum(IMPACT_SENSITIVITIES),
  value: z.number().int().min(0).max(1_000_000_000),
  label: z.strictObject({ en: label, ja: label }),
})

export const impactFiguresSchema = z.strictObject({
  /** The fiscal year the figures count, by the year it starts in (2005 for FY2005–2006). */
  fiscalYear: z.number().int().min(1990).max(2100),
  figures: z.array(impactFigureSchema).max(MAX_IMPACT_FIGURES),
})
export type ImpactFiguresInput = z.infer<typeof impactFiguresSchema>

export type { ImpactShown } from '../site/impact-shown.js'

export const impactFiguresView = z.object({
  fiscalYear: z.number().int().nullable(),
  published: z.array(
    z.object({
      key: z.string(),
      label: z.object({ en: z.string(), ja: z.string() }),
      shown: z.union([
        z.object({ kind: z.literal('number'), value: z.number() }),
        z.object({ kind: z.literal('words'), en: z.string(), ja: z.string() }),
      ]),
    }),
  ),
  /** Keys the disclosure engine would not let through (too small to show even as words). */
  withheld: z.array(z.string()),
})
export type ImpactFiguresView = z.infer<typeof impactFiguresView>
