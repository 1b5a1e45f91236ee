import type { DocumentView } from '@haven/core/cms/cms-views'
import type { DocumentKind } from '@haven/core/site/site-paths'
import { documentPath } from '@haven/core/site/site-paths'
import { TextArea } from '../../components/text-area.js'
import { TextField } from '../../components/text-field.js'
import { t } from '../../lib/locale.js'
import { HeroPicker } from './hero-picker.js'

/** What the editor form holds: every field as typed (strings), nothing lost on an error. */
export interface DocumentDraft {
  slug: string
  title: string
  summary: string
  body: string
  date: string
  eventStart: string
  eventEnd: string
  eventPlace: string
  heroImage: string
  heroAlt: string
}

export const EMPTY_DRAFT: DocumentDraft = {
  slug: '',
  title: '',
  summary: '',
  body: '',
  date: '',
  eventStart: '',
  eventEnd: '',
  eventPlace: '',
  heroImage: '',
  heroAlt: '',
}

export function draftOf(doc: DocumentView): DocumentDraft {
  return {
    slug: doc.slug,
    title: doc.title,
    summary: doc.summary,
    body: doc.body,
    date: doc.date ?? '',
    eventStart: doc.eventStart ?? '',
    eventEnd: doc.eventEnd ?? '',
    eventPlace: doc.eventPlace ?? '',
    heroImage: doc.heroImage ?? '',
    heroAlt: doc.heroAlt ?? '',
  }
}

/** The request body for a draft: empty optional fields are sent as null. */
export function contentOf(draft: DocumentDraft) {
  const orNull = (v: string) => (v.trim() === '' ? null : v.trim())
  return {
    slug: draft.slug.trim(),
    title: draft.title,
    summary: draft.summary,
    body: draft.body,
    date: orNull(draft.date),
    eventStart: orNull(draft.eventStart),
    eventEnd: orNull(draft.eventEnd),
    eventPlace: orNull(draft.eventPlace),
    heroImage: orNull(draft.heroImage),
    heroAlt: orNull(draft.heroAlt),
  }
}

/** The fields of one language version; news gets its date and event fields. */
export function DocumentFields(props: {
  kind: DocumentKind
  locale: string
  draft: DocumentDraft
  onChange: (draft: DocumentDraft) => void
  errors: Readonly<Record<string, string>>
  /** Called when the title changes, so a form can suggest a slug. */
  onTitle?: (title: string) => void
}) {
  const { draft, errors, locale } = props
  const set = (field: keyof DocumentDraft) => (value: string) => {
    props.onChange({ ...draft, [field]: value })
    if (field === 'title') props.onTitle?.(value)
  }
  const id = (field: string) => `${field}-${locale}`
  return (
    <div class="document-fields" lang={locale}>
      <TextField
        id={id('title')}
        label={t('cms.field.title')}
        value={draft.title}
        onInput={set('title')}
        error={errors.title}
        required
      />
      <TextField
        id={id('slug')}
        label={t('cms.field.slug')}
        hint={t('cms.field.slug_hint', {
          path: `/${locale}${documentPath(props.kind, draft.slug || '…')}`,
        })}
        value={draft.slug}
        onInput={set('slug')}
        error={errors.slug}
        required
      />
      <TextArea
        id={id('summary')}
        label={t('cms.field.summary')}
        hint={t('cms.field.summary_hint')}
        value={draft.summary}
        onInput={set('summary')}
        error={errors.summary}
        rows={2}
      />
      {props.kind === 'news' && (
        <div class="field-row">
          <TextField
            id={id('date')}
            label={t('cms.field.date')}
            hint={t('cms.field.date_hint')}
            value={draft.date}
            onInput={set('date')}
            error={errors.date}
          />
        </div>
      )}
      <div class="field-row">
        <TextField
          id={id('heroImage')}
          label={t('cms.field.hero_image')}
          hint={t('cms.field.hero_image_hint')}
          value={draft.heroImage}
          onInput={set('heroImage')}
          error={errors.heroImage}
        />
        <TextField
          id={id('heroAlt')}
          label={t('cms.field.hero_alt')}
          hint={t('cms.field.hero_alt_hint')}
          value={draft.heroAlt}
          onInput={set('heroAlt')}
          error={errors.heroAlt}
        />
      </div>
      <HeroPicker id={id('heroPicker')} value={draft.heroImage} onChoose={set('heroImage')} />
      <TextArea
        id={id('body')}
        label={t('cms.field.body')}
        hint={t('cms.field.body_hint')}
        value={draft.body}
        onInput={set('body')}
        error={errors.body}
        rows={16}
        code
      />
      {props.kind === 'news' && (
        <fieldset class="event-fields">
          <legend>{t('cms.field.event_hint')}</legend>
          <div class="field-row">
            <TextField
              id={id('eventStart')}
              label={t('cms.field.event_start')}
              value={draft.eventStart}
              onInput={set('eventStart')}
              error={errors.eventStart}
            />
            <TextField
              id={id('eventEnd')}
              label={t('cms.field.event_end')}
              value={draft.eventEnd}
              onInput={set('eventEnd')}
              error={errors.eventEnd}
            />
          </div>
          <TextField
            id={id('eventPlace')}
            label={t('cms.field.event_place')}
            value={draft.eventPlace}
            onInput={set('eventPlace')}
            error={errors.eventPlace}
          />
        </fieldset>
      )}
    </div>
  )
}
