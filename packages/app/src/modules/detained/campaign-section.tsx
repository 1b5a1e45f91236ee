import { approveCampaignSchema, type CampaignFields } from '@haven/core/detained/campaign-schemas'
import type { DetainedView } from '@haven/core/detained/detained-views'
import type { JSX } from 'preact'
import { useRef, useState } from 'preact/hooks'
import { ErrorAlert } from '../../components/messages.js'
import { TextArea } from '../../components/text-area.js'
import { TextField } from '../../components/text-field.js'
import { checkFields, focusFirstInvalid, useSubmission } from '../../lib/forms.js'
import { t } from '../../lib/locale.js'
import { apiDelete, apiPut } from '../../lib/typed-api.js'
import { day } from './detained-labels.js'

const FIELDS = ['publicName', 'arrest', 'sentence', 'status'] as const

/**
 * The record's public campaign page: nothing is public until someone who may approve chooses the
 * fields, writes the text in both languages and publishes; withdrawing takes it off the site.
 */
export function CampaignSection(props: {
  worker: DetainedView
  onSaved: (message: string) => void
}): JSX.Element {
  const w = props.worker
  const live = w.campaign
  const [form, setForm] = useState({
    slug: live?.slug ?? `free-${w.code.toLowerCase()}`,
    fields: live?.fields ?? { publicName: false, arrest: true, sentence: true, status: true },
    textEn: live?.textEn ?? '',
    textJa: live?.textJa ?? '',
  })
  const submission = useSubmission()
  const element = useRef<HTMLFormElement>(null)
  const toggle = (name: keyof CampaignFields, on: boolean) =>
    setForm({ ...form, fields: { ...form.fields, [name]: on } })
  return (
    <section class="card" aria-labelledby="campaign-title">
      <h2 id="campaign-title">{t('detained.campaign')}</h2>
      <p>{t('detained.campaign_intro')}</p>
      {live ? (
        <>
          <p>{t('detained.campaign_live', { date: day(live.approvedAt.slice(0, 10)) })}</p>
          <ul>
            <li>
              <a href={`/en/campaigns/${live.slug}`} hreflang="en" lang="en">
                English
              </a>
            </li>
            <li>
              <a href={`/ja/campaigns/${live.slug}`} hreflang="ja" lang="ja">
                日本語
              </a>
            </li>
          </ul>
        </>
      ) : (
        <p>{t('detained.campaign_none')}</p>
      )}
      <form
        ref={element}
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          const checked = checkFields(approveCampaignSchema, form)
          if (!checked.ok) {
            submission.setFields(checked.errors)
            focusFirstInvalid(element.current)
            return
          }
          void submission.run(async () => {
            await apiPut('/detained/{id}/campaign', { path: { id: w.id }, body: checked.value })
            props.onSaved(t('detained.campaign_approved'))
          })
        }}
      >
        <ErrorAlert message={submission.error} />
        <TextField
          id="campaign-slug"
          label={t('detained.campaign_slug')}
          hint={t('detained.campaign_slug_hint')}
          value={form.slug}
          onInput={(slug) => setForm({ ...form, slug })}
          error={submission.fields.slug}
          required
        />
        <fieldset class="checkboxes">
          <legend>{t('detained.campaign_fields')}</legend>
          {FIELDS.map((name) => {
            const error = submission.fields[`fields.${name}`]
            const closed = name === 'publicName' && !w.publicFigure
            return (
              <label key={name} class="checkbox">
                <input
                  type="checkbox"
                  id={`campaign-${name}`}
                  checked={form.fields[name] && !closed}
                  // The name of someone who is not a public figure can never go public.
                  disabled={closed}
                  aria-invalid={error ? true : undefined}
                  onChange={(e) => toggle(name, e.currentTarget.checked)}
                />
                {t(`detained.campaign_field.${name}`)}
                {name === 'publicName' && (
                  <span class="hint"> ({t('detained.campaign_field.publicName_hint')})</span>
                )}
                {error && <span class="error"> {error}</span>}
              </label>
            )
          })}
        </fieldset>
        <TextArea
          id="campaign-text-en"
          label={t('detained.campaign_text_en')}
          value={form.textEn}
          onInput={(textEn) => setForm({ ...form, textEn })}
          error={submission.fields.textEn}
          lang="en"
        />
        <TextArea
          id="campaign-text-ja"
          label={t('detained.campaign_text_ja')}
          value={form.textJa}
          onInput={(textJa) => setForm({ ...form, textJa })}
          error={submission.fields.textJa}
          lang="ja"
        />
        <div class="actions">
          <button type="submit" class="primary" disabled={submission.busy}>
            {live ? t('detained.campaign_update') : t('detained.campaign_approve')}
          </button>
          {live && (
            <button
              type="button"
              disabled={submission.busy}
              onClick={() =>
                void submission.run(async () => {
                  await apiDelete('/detained/{id}/campaign', { path: { id: w.id } })
                  props.onSaved(t('detained.campaign_withdrawn'))
                })
              }
            >
              {t('detained.campaign_withdraw')}
            </button>
          )}
        </div>
      </form>
    </section>
  )
}
