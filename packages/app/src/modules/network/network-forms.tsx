import { CURRENCY_CODES } from '@haven/core/money/currency'
import {
  createContactSchema,
  createPublicationSchema,
  EVENT_KINDS,
  EVENT_ROLES,
  editContactSchema,
  editEventSchema,
  editOrganisationSchema,
  editPublicationSchema,
  eventCostSchema,
  ORGANISATION_TYPES,
  PUBLICATION_KINDS,
} from '@haven/core/network/network-schemas'
import type {
  ContactView,
  EventView,
  OrganisationView,
  PublicationView,
} from '@haven/core/network/network-views'
import type { SealedTextView } from '@haven/core/privacy/sealed-text-view'
import type { JSX } from 'preact'
import { useRef, useState } from 'preact/hooks'
import { ErrorAlert } from '../../components/messages.js'
import { SelectField } from '../../components/select-field.js'
import { TextArea } from '../../components/text-area.js'
import { TextField } from '../../components/text-field.js'
import { checkFields, focusFirstInvalid, useSubmission } from '../../lib/forms.js'
import { t } from '../../lib/locale.js'
import { apiPatch, apiPost } from '../../lib/typed-api.js'
import { type Organiser, OrganiserPicker } from './organiser-picker.js'

/** What every form here is told: it saved (with the message to show), or it was cancelled. */
interface Done {
  onSaved: (message: string) => void
  onCancel: () => void
}

/** The filled-in fields only: an empty text box means "none", which the schemas read as left out. */
const filled = (form: Record<string, string>) =>
  Object.fromEntries(Object.entries(form).filter(([, v]) => v.trim() !== ''))

function Buttons(props: { busy: boolean; submit: string; onCancel: () => void }): JSX.Element {
  return (
    <p class="form-actions">
      <button type="submit" class="primary" disabled={props.busy}>
        {props.submit}
      </button>{' '}
      <button type="button" class="secondary" onClick={props.onCancel}>
        {t('network.cancel')}
      </button>
    </p>
  )
}

/**
 * The form plumbing every form here shares: checked with the server's schema before sending, the
 * first invalid field focused, the server's answer (a 409 when someone saved first) shown.
 */
function useForm<T>(
  schema: Parameters<typeof checkFields<T>>[0],
  send: (value: T) => Promise<void>,
) {
  const submission = useSubmission()
  const element = useRef<HTMLFormElement>(null)
  const submit = (input: unknown) => (event: Event) => {
    event.preventDefault()
    const checked = checkFields(schema, input)
    if (!checked.ok) {
      submission.setFields(checked.errors)
      focusFirstInvalid(element.current)
      return
    }
    void submission.run(() => send(checked.value))
  }
  return { submission, element, submit }
}

/**
 * A partner's name, type, country, region and website, sent with the version it was opened on:
 * if someone saved the partner meanwhile, the server refuses (409) and nothing is overwritten.
 */
export function EditPartnerForm({
  partner,
  onSaved,
  onCancel,
}: Done & { partner: OrganisationView }): JSX.Element {
  const [form, setForm] = useState({
    name: partner.name,
    type: partner.type as string,
    country: partner.country,
    region: partner.region ?? '',
    website: partner.website ?? '',
  })
  const set = (key: keyof typeof form) => (value: string) => setForm({ ...form, [key]: value })
  const { submission, element, submit } = useForm(editOrganisationSchema, async (value) => {
    await apiPatch('/network/organisations/{id}', { path: { id: partner.id }, body: value })
    onSaved(t('network.partner_saved'))
  })
  return (
    <form ref={element} noValidate onSubmit={submit({ ...filled(form), version: partner.version })}>
      <ErrorAlert message={submission.error} />
      <TextField
        id="edit-partner-name"
        label={t('network.name')}
        value={form.name}
        onInput={set('name')}
        error={submission.fields.name}
        required
      />
      <div class="field-row">
        <SelectField
          id="edit-partner-type"
          label={t('network.type')}
          value={form.type}
          options={ORGANISATION_TYPES.map((v) => ({ value: v, label: t(`network.type.${v}`) }))}
          onChange={set('type')}
          error={submission.fields.type}
        />
        <TextField
          id="edit-partner-country"
          label={t('network.country')}
          hint={t('network.country_hint')}
          value={form.country}
          onInput={set('country')}
          error={submission.fields.country}
          verbatim
          required
        />
        <TextField
          id="edit-partner-region"
          label={t('network.region')}
          value={form.region}
          onInput={set('region')}
          error={submission.fields.region}
        />
      </div>
      <TextField
        id="edit-partner-website"
        label={t('network.website')}
        value={form.website}
        onInput={set('website')}
        error={submission.fields.website}
        verbatim
      />
      <Buttons busy={submission.busy} submit={t('network.save')} onCancel={onCancel} />
    </form>
  )
}

const shown = (v: SealedTextView) => (v.state === 'shown' ? v.value : '')

/**
 * A contact at a partner: a new one sealed in the compartment chosen, or an edit of one the caller
 * may identify (the compartment stays; the version read is sent).
 */
export function ContactForm({
  partnerId,
  contact,
  compartments,
  onSaved,
  onCancel,
}: Done & {
  partnerId: string
  contact?: ContactView
  /** Where a new contact may be sealed: the compartments where the caller may add one. */
  compartments: readonly { id: string; code: string }[]
}): JSX.Element {
  const [form, setForm] = useState({
    compartmentId: contact?.compartmentId ?? compartments[0]?.id ?? '',
    name: contact ? shown(contact.name) : '',
    position: contact ? shown(contact.position) : '',
    email: contact ? shown(contact.email) : '',
    phone: contact ? shown(contact.phone) : '',
    note: contact ? shown(contact.note) : '',
  })
  const set = (key: keyof typeof form) => (value: string) => setForm({ ...form, [key]: value })
  const { compartmentId, ...fields } = form
  const { submission, element, submit } = useForm<object>(
    contact ? editContactSchema : createContactSchema,
    async (value) => {
      // The form's schema was chosen above; parsing again names its type for the typed call.
      if (contact)
        await apiPatch('/network/organisations/{id}/contacts/{contactId}', {
          path: { id: partnerId, contactId: contact.id },
          body: editContactSchema.parse(value),
        })
      else
        await apiPost('/network/organisations/{id}/contacts', {
          path: { id: partnerId },
          body: createContactSchema.parse(value),
        })
      onSaved(t('network.contact_saved'))
    },
  )
  const prefix = contact ? `contact-${contact.id}` : 'new-contact'
  return (
    <form
      ref={element}
      noValidate
      onSubmit={submit(
        contact
          ? { ...filled(fields), version: contact.version }
          : { ...filled(fields), compartmentId },
      )}
    >
      <ErrorAlert message={submission.error} />
      {!contact && compartments.length > 1 && (
        <SelectField
          id={`${prefix}-compartment`}
          label={t('network.compartment')}
          hint={t('network.compartment_hint')}
          value={form.compartmentId}
          options={compartments.map((c) => ({ value: c.id, label: c.code }))}
          onChange={set('compartmentId')}
          error={submission.fields.compartmentId}
        />
      )}
      <div class="field-row">
        <TextField
          id={`${prefix}-name`}
          label={t('network.contact_name')}
          value={form.name}
          onInput={set('name')}
          error={submission.fields.name}
          required
        />
        <TextField
          id={`${prefix}-position`}
          label={t('network.contact_position')}
          value={form.position}
          onInput={set('position')}
          error={submission.fields.position}
        />
      </div>
      <div class="field-row">
        <TextField
          id={`${prefix}-email`}
          label={t('network.contact_email')}
          value={form.email}
          onInput={set('email')}
          error={submission.fields.email}
          verbatim
        />
        <TextField
          id={`${prefix}-phone`}
          label={t('network.contact_phone')}
          value={form.phone}
          onInput={set('phone')}
          error={submission.fields.phone}
          verbatim
        />
      </div>
      <TextArea
        id={`${prefix}-note`}
        label={t('network.contact_note')}
        value={form.note}
        onInput={set('note')}
        error={submission.fields.note}
        rows={3}
      />
      <Buttons busy={submission.busy} submit={t('network.save')} onCancel={onCancel} />
    </form>
  )
}

/** An event's facts at the version read, and its organisers chosen among the partners. */
export function EditEventForm({
  event,
  onSaved,
  onCancel,
}: Done & { event: EventView }): JSX.Element {
  const [form, setForm] = useState({
    kind: event.kind as string,
    role: event.role as string,
    title: event.title,
    startsOn: event.startsOn,
    endsOn: event.endsOn ?? '',
    city: event.city ?? '',
    country: event.country,
    audience: event.audience === null ? '' : String(event.audience),
    outcomes: event.outcomes ?? '',
  })
  const [organisers, setOrganisers] = useState<Organiser[]>(event.organisers)
  const set = (key: keyof typeof form) => (value: string) => setForm({ ...form, [key]: value })
  const { submission, element, submit } = useForm(editEventSchema, async (value) => {
    await apiPatch('/network/events/{id}', { path: { id: event.id }, body: value })
    onSaved(t('network.event_saved'))
  })
  const { audience, ...rest } = form
  return (
    <form
      ref={element}
      noValidate
      onSubmit={submit({
        ...filled(rest),
        ...(audience.trim() ? { audience: Number(audience) } : {}),
        organiserIds: organisers.map((o) => o.id),
        version: event.version,
      })}
    >
      <ErrorAlert message={submission.error} />
      <div class="field-row">
        <SelectField
          id="edit-event-kind"
          label={t('network.event_kind')}
          value={form.kind}
          options={EVENT_KINDS.map((v) => ({ value: v, label: t(`network.kind.${v}`) }))}
          onChange={set('kind')}
          error={submission.fields.kind}
        />
        <SelectField
          id="edit-event-role"
          label={t('network.event_role')}
          value={form.role}
          options={EVENT_ROLES.map((v) => ({ value: v, label: t(`network.role.${v}`) }))}
          onChange={set('role')}
          error={submission.fields.role}
        />
      </div>
      <TextField
        id="edit-event-title"
        label={t('network.event_title')}
        value={form.title}
        onInput={set('title')}
        error={submission.fields.title}
        required
      />
      <div class="field-row">
        <TextField
          id="edit-event-starts"
          type="date"
          label={t('network.starts_on')}
          value={form.startsOn}
          onInput={set('startsOn')}
          error={submission.fields.startsOn}
          required
        />
        <TextField
          id="edit-event-ends"
          type="date"
          label={t('network.ends_on')}
          value={form.endsOn}
          onInput={set('endsOn')}
          error={submission.fields.endsOn}
        />
      </div>
      <div class="field-row">
        <TextField
          id="edit-event-city"
          label={t('network.city')}
          value={form.city}
          onInput={set('city')}
          error={submission.fields.city}
        />
        <TextField
          id="edit-event-country"
          label={t('network.country')}
          hint={t('network.country_hint')}
          value={form.country}
          onInput={set('country')}
          error={submission.fields.country}
          verbatim
          required
        />
        <TextField
          id="edit-event-audience"
          label={t('network.audience')}
          value={form.audience}
          onInput={set('audience')}
          error={submission.fields.audience}
          inputMode="numeric"
        />
      </div>
      <TextArea
        id="edit-event-outcomes"
        label={t('network.outcomes')}
        value={form.outcomes}
        onInput={set('outcomes')}
        error={submission.fields.outcomes}
        rows={4}
      />
      <OrganiserPicker
        chosen={organisers}
        onChange={setOrganisers}
        error={submission.fields.organiserIds}
      />
      <Buttons busy={submission.busy} submit={t('network.save')} onCancel={onCancel} />
    </form>
  )
}

/** What an event cost, paid on a day; the server tells the books in the same transaction. */
export function EventCostForm({
  event,
  onSaved,
  onCancel,
}: Done & { event: EventView }): JSX.Element {
  const [form, setForm] = useState({ paidOn: '', amount: '', currency: 'JPY', what: '' })
  const set = (key: keyof typeof form) => (value: string) => setForm({ ...form, [key]: value })
  const { submission, element, submit } = useForm(eventCostSchema, async (value) => {
    await apiPost('/network/events/{id}/costs', { path: { id: event.id }, body: value })
    onSaved(t('network.cost_recorded'))
  })
  return (
    <form
      ref={element}
      noValidate
      onSubmit={submit({ ...form, amount: form.amount.replace(/[,\s]/g, '') })}
    >
      <ErrorAlert message={submission.error} />
      <div class="field-row">
        <TextField
          id="cost-paid-on"
          type="date"
          label={t('network.cost_paid_on')}
          value={form.paidOn}
          onInput={set('paidOn')}
          error={submission.fields.paidOn}
          required
        />
        <TextField
          id="cost-amount"
          label={t('network.cost_amount')}
          value={form.amount}
          onInput={set('amount')}
          error={submission.fields.amount}
          verbatim
          required
        />
        <SelectField
          id="cost-currency"
          label={t('network.cost_currency')}
          value={form.currency}
          options={CURRENCY_CODES.map((c) => ({ value: c, label: c }))}
          onChange={set('currency')}
          error={submission.fields.currency}
        />
      </div>
      <TextField
        id="cost-what"
        label={t('network.cost_what')}
        hint={t('network.cost_what_hint')}
        value={form.what}
        onInput={set('what')}
        error={submission.fields.what}
        required
      />
      <Buttons busy={submission.busy} submit={t('network.record_cost')} onCancel={onCancel} />
    </form>
  )
}

/**
 * A publication, shown or launched at an event or standing alone: a new one, or an edit of one at
 * the version read.
 * The link must be http(s) and the ISBN's check digit right, as the server checks.
 */
export function PublicationForm({
  eventId,
  publication,
  onSaved,
  onCancel,
}: Done & { eventId?: string | undefined; publication?: PublicationView }): JSX.Element {
  const [form, setForm] = useState({
    kind: publication?.kind ?? 'book',
    title: publication?.title ?? '',
    language: publication?.language ?? '',
    translatedFrom: publication?.translatedFrom ?? '',
    isbn: publication?.isbn ?? '',
    url: publication?.url ?? '',
    publishedOn: publication?.publishedOn ?? '',
  })
  const set = (key: keyof typeof form) => (value: string) => setForm({ ...form, [key]: value })
  const { submission, element, submit } = useForm<object>(
    publication ? editPublicationSchema : createPublicationSchema,
    async (value) => {
      if (publication)
        // The form's schema was chosen above; parsing again names its type for the typed call.
        await apiPatch('/network/publications/{id}', {
          path: { id: publication.id },
          body: editPublicationSchema.parse(value),
        })
      else await apiPost('/network/publications', { body: createPublicationSchema.parse(value) })
      onSaved(t('network.publication_saved'))
    },
  )
  const prefix = publication ? `publication-${publication.id}` : 'new-publication'
  return (
    <form
      ref={element}
      noValidate
      onSubmit={submit({
        ...filled(form),
        // The event it was shown at stays as recorded when edited from the publications list.
        ...((eventId ?? publication?.eventId) ? { eventId: eventId ?? publication?.eventId } : {}),
        ...(publication ? { version: publication.version } : {}),
      })}
    >
      <ErrorAlert message={submission.error} />
      <div class="field-row">
        <SelectField
          id={`${prefix}-kind`}
          label={t('network.publication_kind')}
          value={form.kind}
          options={PUBLICATION_KINDS.map((v) => ({
            value: v,
            label: t(`network.publication_kind.${v}`),
          }))}
          onChange={set('kind')}
          error={submission.fields.kind}
        />
        <TextField
          id={`${prefix}-language`}
          label={t('network.publication_language')}
          hint={t('network.language_hint')}
          value={form.language}
          onInput={set('language')}
          error={submission.fields.language}
          verbatim
          required
        />
        <TextField
          id={`${prefix}-translated-from`}
          label={t('network.translated_from')}
          value={form.translatedFrom}
          onInput={set('translatedFrom')}
          error={submission.fields.translatedFrom}
          verbatim
        />
      </div>
      <TextField
        id={`${prefix}-title`}
        label={t('network.publication_title')}
        value={form.title}
        onInput={set('title')}
        error={submission.fields.title}
        required
      />
      <div class="field-row">
        <TextField
          id={`${prefix}-isbn`}
          label={t('network.isbn')}
          value={form.isbn}
          onInput={set('isbn')}
          error={submission.fields.isbn}
          verbatim
        />
        <TextField
          id={`${prefix}-published-on`}
          type="date"
          label={t('network.published_on')}
          value={form.publishedOn}
          onInput={set('publishedOn')}
          error={submission.fields.publishedOn}
        />
      </div>
      <TextField
        id={`${prefix}-url`}
        label={t('network.link')}
        value={form.url}
        onInput={set('url')}
        error={submission.fields.url}
        verbatim
      />
      <Buttons busy={submission.busy} submit={t('network.save')} onCancel={onCancel} />
    </form>
  )
}
