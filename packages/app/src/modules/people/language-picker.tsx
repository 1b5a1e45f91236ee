import type { JSX } from 'preact'
import { TextField } from '../../components/text-field.js'
import { locale, t } from '../../lib/locale.js'
import { splitList } from './people-parts.js'

/**
 * The languages a person registers most often speaks, ticked rather than typed as codes (the
 * reference customer works with people from North Korea and China, in China, Mongolia and
 * Japan); anything else as codes in one field.
 */
export const COMMON_LANGUAGES = ['ko', 'zh', 'ja', 'en', 'ru', 'mn'] as const

/** A language's name in the reader's language ("ko" → "Korean", 「韓国語」). */
function languageName(code: string): string {
  try {
    return new Intl.DisplayNames([locale.value], { type: 'language' }).of(code) ?? code
  } catch {
    return code
  }
}

/** Ticks for the common languages and a field for others; `value` is the list of codes. */
export function LanguagePicker(props: {
  value: readonly string[]
  other: string
  onChange: (codes: string[], other: string) => void
  error?: string | undefined
}): JSX.Element {
  const others = (text: string) =>
    splitList(text).filter((c) => !(COMMON_LANGUAGES as readonly string[]).includes(c))
  const ticked = props.value.filter((c) => (COMMON_LANGUAGES as readonly string[]).includes(c))
  return (
    <>
      <fieldset class="checkboxes">
        <legend>{t('people.languages')}</legend>
        <div class="checkbox-grid">
          {COMMON_LANGUAGES.map((code) => (
            <label class="checkbox" key={code}>
              <input
                type="checkbox"
                checked={ticked.includes(code)}
                onChange={(event) => {
                  const on = (event.currentTarget as HTMLInputElement).checked
                  const next = on ? [...ticked, code] : ticked.filter((c) => c !== code)
                  props.onChange([...next, ...others(props.other)], props.other)
                }}
              />
              <span lang={code}>{languageName(code)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <TextField
        id="languages-other"
        label={t('people.other_languages')}
        hint={t('people.other_languages_hint')}
        value={props.other}
        verbatim
        onInput={(text) => props.onChange([...ticked, ...others(text)], text)}
        error={props.error}
      />
    </>
  )
}
