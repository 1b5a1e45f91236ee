import {
  SPONSOR_KINDS,
  SPONSOR_LANGUAGES,
  sponsorSchema,
} from '@haven/core/sponsorship/sponsorship-schemas'
import type { SponsorView } from '@haven/core/sponsorship/sponsorship-views'
import type { JSX } from 'preact'
import { useRef, useState } from 'preact/hooks'
import { Loading, Problem, useLoad } from '../../components/load-state.js'
import { ErrorAlert } from '../../components/messages.js'
import { SelectField } from '../../components/select-field.js'
import { TextArea } from '../../components/text-area.js'
import { checkFields, focusFirstInvalid, useSubmission } from '../../lib/forms.js'
import { t } from '../../lib/locale.js'
import { apiGet, apiPost } from '../../lib/typed-api.js'

/**
 * Adds a sponsor: kept in a compartment (which seals the contact), an individual or an
 * organisation, the language their letters are printed in, and the contact in words (sealed).
 */
export function SponsorForm({
  onSaved,
  onCancel,
}: {
  onSaved: (s: SponsorView) => void
  onCancel: () => void
}): JSX.Element {
  const [compartments] = useLoad(
    async () =>
      (await apiGet('/compartments')).filter((c) => c.kind !== 'inbox' && c.status === 'active'),
    'compartments',
  )
  const [form, setForm] = useState({
    compartmentId: '',
    kind: 'individual',
    language: 'ja',
    contact: '',
  })
  const submission = useSubmission()
  const element = useRef<HTMLFormElement>(null)
  const set = (field: keyof typeof form) => (value: string) => setForm({ ...form, [field]: value })
  return (
    <form
      ref={element}
      noValidate
      class="card"
      aria-labelledby="sponsor-title"
      onSubmit={(event) => {
        event.preventDefault()
        const checked = checkFields(sponsorSchema, form)
        if (!checked.ok) {
          submission.setFields(checked.errors)
          focusFirstInvalid(element.current)
          return
        }
        void submission.run(async () =>
          onSaved(await apiPost('/sponsorship/sponsors', { body: checked.value })),
        )
      }}
    >
      <h2 id="sponsor-title">{t('sponsorship.add_sponsor')}</h2>
      <ErrorAlert message={submission.error} />
      {compartments.state === 'loading' && <Loading />}
      {compartments.state === 'failed' && <Problem error={compartments.error} />}
      {compartments.state === 'ready' && (
        <SelectField
          id="sponsor-compartment"
          label={t('sponsorship.kept_in')}
          value={form.compartmentId}
          options={[
            { value: '', label: t('sponsorship.choose') },
            ...compartments.data.map((c) => ({ value: c.id, label: c.code })),
          ]}
          onChange={set('compartmentId')}
          error={submission.fields.compartmentId}
        />
      )}
      <div class="field-row">
        <SelectField
          id="sponsor-kind"
          label={t('sponsorship.sponsor_kind')}
          value={form.kind}
          options={SPONSOR_KINDS.map((k) => ({
            value: k,
            label: t(`sponsorship.sponsor_kind.${k}`),
          }))}
          onChange={set('kind')}
          error={submission.fields.kind}
        />
        <SelectField
          id="sponsor-language"
          label={t('sponsorship.letter_language')}
          value={form.language}
          options={SPONSOR_LANGUAGES.map((l) => ({
            value: l,
            label: t(`sponsorship.language.${l}`),
          }))}
          onChange={set('language')}
          error={submission.fields.language}
        />
      </div>
      <TextArea
        id="sponsor-contact"
        label={t('sponsorship.contact')}
        hint={t('sponsorship.contact_hint')}
        value={form.contact}
        onInput={set('contact')}
        error={submission.fields.contact}
        rows={3}
      />
      <div class="actions">
        <button type="submit" class="primary" disabled={submission.busy}>
          {t('sponsorship.add_sponsor')}
        </button>
        <button type="button" class="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  )
}
