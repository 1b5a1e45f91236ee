import type { Locale } from '@haven/core/i18n/locales'
import {
  type ConsistencyFinding,
  checkConsistency,
  DisclosureError,
  explainConsistency,
} from '@haven/disclosure'

/** A recorded figure a typed number may state: its key, label and value for the year. */
export interface RecordedQuantity {
  readonly key: string
  readonly label: Readonly<Record<Locale, string>>
  /** Tonnes over the fiscal year. */
  readonly tonnes: number
}

/** A number typed in the narrative, checked against the records. */
export interface NarrativeFinding {
  readonly locale: Locale
  /** The words as typed ("30 t", "30トン"). */
  readonly text: string
  readonly status: 'consistent' | 'contradiction'
  /** The figure it was compared with (the closest of its unit). */
  readonly figure: string
  /** The arithmetic, in both languages. */
  readonly explanation: Readonly<Record<Locale, string>>
}

// A quantity of mass typed in running text: "30 tonnes", "30 t", "30トン", "1,200 tons".
const TYPED_TONNES = /(\d[\d,]*(?:\.\d+)?)\s*(?:metric tons?|tonnes?|tons?|t(?![a-z])|トン)/gi

/** The template's own words: placeholders removed, so only what the editor typed is read. */
function typedText(template: string): string {
  return template.replace(/\{\{[^}]*\}\}/g, ' ')
}

/** Whether any typed text states a tonnage: the records' tonnes are read only then. */
export const mentionsTonnes = (templates: Readonly<Record<Locale, string>>) =>
  [templates.en, templates.ja].some((t) => [...typedText(t).matchAll(TYPED_TONNES)].length > 0)

/**
 * Finds tonnages typed into the narrative in each language and checks each against the figures
 * of the records counted in tonnes (rice in the shelters, food delivered). A typed figure that
 * agrees with one of them (within 10 %) is consistent; one that agrees with none contradicts the
 * closest by ratio, and the finding shows the arithmetic in both languages ("stated 30 t/year; from the
 * records: 63.2 t/year"). The seed report's "30 t" against 20 people × 10 kg a day is this case.
 */
export function checkNarrative(
  templates: Readonly<Record<Locale, string>>,
  recorded: readonly RecordedQuantity[],
): NarrativeFinding[] {
  if (recorded.length === 0) return []
  const findings: NarrativeFinding[] = []
  for (const locale of ['en', 'ja'] as const) {
    for (const match of typedText(templates[locale]).matchAll(TYPED_TONNES)) {
      const value = Number((match[1] ?? '').replace(/,/g, ''))
      if (!Number.isFinite(value)) continue
      // Closest by ratio, not difference: 30 t is nearer 73 t (×2.4) than 10 t (×3).
      const distance = (r: RecordedQuantity) => Math.abs(Math.log((value || 1e-9) / r.tonnes))
      const closest = [...recorded].sort((a, b) => distance(a) - distance(b))[0]
      if (!closest) continue
      const check = (label: string): ConsistencyFinding | undefined => {
        try {
          return checkConsistency([
            {
              label,
              stated: { value, unit: 't', per: 'year' },
              computed: [{ value: closest.tonnes, unit: 't', per: 'year' }],
            },
          ])[0]
        } catch (error) {
          if (error instanceof DisclosureError) return undefined
          throw error
        }
      }
      const en = check(closest.label.en)
      const ja = check(closest.label.ja)
      if (!en || !ja || en.status === 'incomparable' || ja.status === 'incomparable') continue
      findings.push({
        locale,
        text: match[0],
        status: en.status,
        figure: closest.key,
        explanation: { en: explainConsistency(en, 'en'), ja: explainConsistency(ja, 'ja') },
      })
    }
  }
  return findings
}
