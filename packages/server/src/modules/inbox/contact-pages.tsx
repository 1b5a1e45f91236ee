import { LOCALE_NAMES, type Locale } from '@haven/core/i18n/locales'
import type { Translator } from '@haven/core/i18n/translate'
import {
  APPLICATION_KINDS,
  CONTACT_MESSAGE_MAX,
  levelField,
  REPLY_LANGUAGES,
  SITE_LEVELS,
  SITE_SKILLS,
  SITE_WEEKDAYS,
  SPOKEN_LANGUAGES,
} from '@haven/core/inbox/contact-schemas'
import {
  AntiSpamFields,
  Choices,
  ErrorSummary,
  type FormState,
  Select,
  TextArea,
  TextInput,
} from '../../site/pages/form-parts.js'
import { DocumentBody } from '../../site/pages/page-parts.js'
import type { SiteDocumentsTable } from '../../site/site-tables.js'

/** Names of languages in themselves, so each reader finds their own. */
const NATIVE: Readonly<Record<string, string>> = {
  ...LOCALE_NAMES,
  ko: '한국어',
  zh: '中文',
}

interface FormPageProps {
  locale: Locale
  t: Translator
  intro: SiteDocumentsTable | undefined
  form: FormState
  token: string
}

function Intro(props: { intro: SiteDocumentsTable | undefined; title: string; lead: string }) {
  return (
    <>
      <h1>{props.intro?.title ?? props.title}</h1>
      {props.intro ? (
        <>
          {props.intro.summary && <p class="lead">{props.intro.summary}</p>}
          <DocumentBody html={props.intro.html} />
        </>
      ) : (
        <p class="lead">{props.lead}</p>
      )}
    </>
  )
}

/** Contact form: only the message is required; everything sent is encrypted on arrival. */
export function ContactPage(props: FormPageProps) {
  const { t, locale, form } = props
  const required = t('site.form.required')
  const labels = {
    message: t('site.contact.message'),
    name: t('site.contact.name'),
    replyTo: t('site.contact.reply_to'),
    replyLanguage: t('site.contact.reply_language'),
  }
  return (
    <>
      <Intro intro={props.intro} title={t('site.contact.title')} lead={t('site.contact.lead')} />
      <aside class="notice" aria-labelledby="safety-title">
        <h2 id="safety-title">{t('site.contact.safety_title')}</h2>
        <p>{t('site.contact.safety')}</p>
      </aside>
      <form method="post" action={`/${locale}/contact`} class="form" noValidate>
        <ErrorSummary form={form} title={t('site.form.problems')} labels={labels} />
        <TextArea
          form={form}
          name="message"
          label={labels.message}
          required
          requiredText={required}
          rows={8}
          maxLength={CONTACT_MESSAGE_MAX}
        />
        <TextInput
          form={form}
          name="name"
          label={labels.name}
          hint={t('site.contact.name_hint')}
          requiredText={required}
          maxLength={200}
          autoComplete="name"
        />
        <TextInput
          form={form}
          name="replyTo"
          label={labels.replyTo}
          hint={t('site.contact.reply_to_hint')}
          requiredText={required}
          maxLength={320}
        />
        <Select
          form={form}
          name="replyLanguage"
          label={labels.replyLanguage}
          requiredText={required}
          options={REPLY_LANGUAGES.map((l) =>
            l === 'other'
              ? { value: l, label: t('site.contact.language_other') }
              : { value: l, label: NATIVE[l] ?? l, lang: l },
          )}
        />
        <AntiSpamFields token={props.token} trapLabel={t('site.form.trap')} />
        <button type="submit" class="primary">
          {t('site.contact.submit')}
        </button>
      </form>
    </>
  )
}

/** Volunteers and interns: the report asks for people fluent in Chinese and Korean. */
export function ApplicationPage(props: FormPageProps) {
  const { t, locale, form } = props
  const required = t('site.form.required')
  const levelLabels: Readonly<Record<string, string>> = Object.fromEntries(
    SPOKEN_LANGUAGES.map((l) => [
      levelField(l),
      t('site.apply.level_in', { language: NATIVE[l] ?? l }),
    ]),
  )
  const labels = {
    kind: t('site.apply.kind'),
    name: t('site.apply.name'),
    replyTo: t('site.apply.reply_to'),
    languages: t('site.apply.languages'),
    otherLanguages: t('site.apply.other_languages'),
    skillAreas: t('site.apply.skill_areas'),
    skills: t('site.apply.skills'),
    availableDays: t('site.apply.days'),
    hoursPerWeek: t('site.apply.hours'),
    availability: t('site.apply.availability'),
    message: t('site.apply.message'),
  }
  return (
    <>
      <Intro intro={props.intro} title={t('site.apply.title')} lead={t('site.apply.lead')} />
      <form method="post" action={`/${locale}/get-involved`} class="form" noValidate>
        <h2>{t('site.apply.form_title')}</h2>
        <ErrorSummary
          form={form}
          title={t('site.form.problems')}
          labels={{ ...labels, ...levelLabels }}
        />
        <Choices
          form={form}
          type="radio"
          name="kind"
          label={labels.kind}
          required
          requiredText={required}
          options={APPLICATION_KINDS.map((k) => ({ value: k, label: t(`site.apply.kind_${k}`) }))}
        />
        <TextInput
          form={form}
          name="name"
          label={labels.name}
          required
          requiredText={required}
          maxLength={200}
          autoComplete="name"
        />
        <TextInput
          form={form}
          name="replyTo"
          label={labels.replyTo}
          hint={t('site.apply.reply_to_hint')}
          required
          requiredText={required}
          maxLength={320}
          autoComplete="email"
        />
        {/* A level per language, on a form that works without a script. */}
        <fieldset class="field-group">
          <legend>{labels.languages}</legend>
          <p class="hint">{t('site.apply.levels_hint')}</p>
          {SPOKEN_LANGUAGES.map((l) => (
            <Select
              key={l}
              form={form}
              name={levelField(l)}
              label={levelLabels[levelField(l)] ?? l}
              requiredText={required}
              options={[
                { value: '', label: t('site.apply.level_none') },
                ...SITE_LEVELS.map((level) => ({
                  value: level,
                  label: t(`site.apply.level_${level}`),
                })),
              ]}
            />
          ))}
        </fieldset>
        <TextInput
          form={form}
          name="otherLanguages"
          label={labels.otherLanguages}
          requiredText={required}
          maxLength={200}
        />
        <Choices
          form={form}
          type="checkbox"
          name="skillAreas"
          label={labels.skillAreas}
          requiredText={required}
          options={SITE_SKILLS.map((k) => ({ value: k, label: t(`site.apply.skill_${k}`) }))}
        />
        <TextArea
          form={form}
          name="skills"
          label={labels.skills}
          hint={t('site.apply.skills_hint')}
          requiredText={required}
          rows={4}
          maxLength={2000}
        />
        <Choices
          form={form}
          type="checkbox"
          name="availableDays"
          label={labels.availableDays}
          requiredText={required}
          options={SITE_WEEKDAYS.map((d) => ({ value: d, label: t(`site.apply.day_${d}`) }))}
        />
        <TextInput
          form={form}
          name="hoursPerWeek"
          label={labels.hoursPerWeek}
          hint={t('site.apply.hours_hint')}
          requiredText={required}
          maxLength={2}
        />
        <TextArea
          form={form}
          name="availability"
          label={labels.availability}
          hint={t('site.apply.availability_hint')}
          required
          requiredText={required}
          rows={3}
          maxLength={1000}
        />
        <TextArea
          form={form}
          name="message"
          label={labels.message}
          requiredText={required}
          rows={4}
          maxLength={3000}
        />
        <AntiSpamFields token={props.token} trapLabel={t('site.form.trap')} />
        <button type="submit" class="primary">
          {t('site.apply.submit')}
        </button>
      </form>
    </>
  )
}

/** What a sender sees once their message has arrived, in their language. */
export function SentPage(props: {
  locale: Locale
  t: Translator
  kind: 'contact' | 'application'
}) {
  const { t, locale } = props
  return (
    <>
      <h1>
        {t(props.kind === 'contact' ? 'site.sent.contact_title' : 'site.sent.application_title')}
      </h1>
      <p class="lead" role="status">
        {t(props.kind === 'contact' ? 'site.sent.contact_body' : 'site.sent.application_body')}
      </p>
      <p>{t('site.sent.privacy')}</p>
      <p>
        <a href={`/${locale}/`}>{t('common.home')}</a>
      </p>
    </>
  )
}
