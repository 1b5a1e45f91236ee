import { AGE_BANDS } from '@haven/core/people/index'
import { SPONSOR_LANGUAGES, sponsorUpdateSchema } from '@haven/core/sponsorship/sponsorship-schemas'
import type { SponsorUpdateView } from '@haven/core/sponsorship/sponsorship-views'
import type { JSX } from 'preact'
import { useRef, useState } from 'preact/hooks'
import { ErrorAlert } from '../../components/messages.js'
import { SelectField } from '../../components/select-field.js'
import { TextArea } from '../../components/text-area.js'
import { checkFields, focusFirstInvalid, useSubmission } from '../../lib/forms.js'
import { t } from '../../lib/locale.js'
import { apiPost, apiPutFile } from '../../lib/typed-api.js'

/**
 * Writes an update for the child's sponsors: words and an optional photo. It is a draft until a
 * reviewer and a second person have passed it; the photo is re-encoded without metadata.
 */
export function UpdateForm({
  enrolmentId,
  onSaved,
  onCancel,
}: {
  enrolmentId: string
  onSaved: (u: SponsorUpdateView) => void
  onCancel: () => void
}): JSX.Element {
  const [form, setForm] = useState({ language: 'ja', ageBand: '5-11', text: '' })
  const [photo, setPhoto] = useState<File | null>(null)
  const submission = useSubmission()
  const element = useRef<HTMLFormElement>(null)
  const set = (field: keyof typeof form) => (value: string) => setForm({ ...form, [field]: value })
  return (
    <form
      ref={element}
      noValidate
      aria-labelledby="update-title"
      onSubmit={(event) => {
        event.preventDefault()
        const checked = checkFields(sponsorUpdateSchema, form)
        if (!checked.ok) {
          submission.setFields(checked.errors)
          focusFirstInvalid(element.current)
          return
        }
        void submission.run(async () => {
          let update = await apiPost('/sponsorship/enrolments/{id}/updates', {
            path: { id: enrolmentId },
            body: checked.value,
          })
          if (photo)
            update = await apiPutFile(
              '/sponsorship/updates/{id}/photo',
              { path: { id: update.id } },
              photo,
            )
          onSaved(update)
        })
      }}
    >
      <h2 id="update-title">{t('sponsorship.write_update')}</h2>
      <p class="hint">{t('sponsorship.update_hint')}</p>
      <ErrorAlert message={submission.error} />
      <div class="field-row">
        <SelectField
          id="update-language"
          label={t('sponsorship.language')}
          value={form.language}
          options={SPONSOR_LANGUAGES.map((l) => ({
            value: l,
            label: t(`sponsorship.language.${l}`),
          }))}
          onChange={set('language')}
          error={submission.fields.language}
        />
        <SelectField
          id="update-age"
          label={t('sponsorship.age_band')}
          value={form.ageBand}
          options={AGE_BANDS.map((b) => ({ value: b, label: t(`age_band.${b}`) }))}
          onChange={set('ageBand')}
          error={submission.fields.ageBand}
        />
      </div>
      <TextArea
        id="update-text"
        label={t('sponsorship.update_text')}
        value={form.text}
        lang={form.language}
        onInput={set('text')}
        error={submission.fields.text}
        rows={5}
      />
      <div class="field">
        <label for="update-photo">{t('sponsorship.photo')}</label>
        <p class="hint" id="update-photo-hint">
          {t('sponsorship.photo_hint')}
        </p>
        <input
          id="update-photo"
          type="file"
          accept="image/jpeg,image/png"
          aria-describedby="update-photo-hint"
          onChange={(event) =>
            setPhoto((event.currentTarget as HTMLInputElement).files?.[0] ?? null)
          }
        />
      </div>
      <div class="actions">
        <button type="submit" class="primary" disabled={submission.busy}>
          {t('sponsorship.save_update')}
        </button>
        <button type="button" class="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  )
}
