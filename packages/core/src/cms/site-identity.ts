import { z } from 'zod'
import { contrastRatio, HEX_COLOUR, MIN_ACCENT_CONTRAST } from '../site/colour-contrast.js'

/**
 * The site's look that editors control: an accent colour (links, buttons, the mark) and a logo
 * from the image library shown beside the organisation's name. The accent must be readable on
 * white (WCAG AA), or the site would fail the people it is for; dark mode keeps its own accent.
 */
export const siteIdentitySchema = z.strictObject({
  accent: z
    .string()
    .regex(HEX_COLOUR, 'field.invalid')
    .refine((c) => !HEX_COLOUR.test(c) || contrastRatio(c, '#ffffff') >= MIN_ACCENT_CONTRAST, {
      error: 'field.accent_contrast',
    })
    .nullable(),
  logoImageId: z.string().min(1).max(100).nullable(),
})
export type SiteIdentityInput = z.infer<typeof siteIdentitySchema>

export const siteIdentityView = z.object({
  accent: z.string().nullable(),
  logo: z.object({ id: z.string(), width: z.number(), height: z.number() }).nullable(),
})
export type SiteIdentityView = z.infer<typeof siteIdentityView>
