import { IDENTIFYING_ROLES } from '@haven/core/auth/roles'
import {
  RELATIONSHIP_STATUSES,
  relationshipChangeSchema,
} from '@haven/core/network/network-schemas'
import type { SealedTextView } from '@haven/core/privacy/sealed-text-view'
import type { JSX } from 'preact'
import { useRef, useState } from 'preact/hooks'
import { Done, Loading, Problem, useLoad } from '../../components/load-state.js'
import { ErrorAlert } from '../../components/messages.js'
import { OnDemand } from '../../components/on-demand.js'
import { PageTitle } from '../../components/page-title.js'
import { SelectField } from '../../components/select-field.js'
import { TextField } from '../../components/text-field.js'
import { checkFields, focusFirstInvalid, useSubmission } from '../../lib/forms.js'
import { t } from '../../lib/locale.js'
import { activeSession } from '../../lib/session.js'
import { apiGet, apiPost } from '../../lib/typed-api.js'
import { ContactForm, EditPartnerForm } from './network-forms.js'
import { countryName, day } from './network-labels.js'

/** Where the caller may seal a new contact: compartments they may identify in, the network's first. */
function contactCompartments(): { id: string; code: string }[] {
  const grants = activeSession.value?.grants ?? []
  const seen = new Map<string, string>()
  for (const g of grants)
    if (g.compartmentId && IDENTIFYING_ROLES.includes(g.role))
      seen.set(g.compartmentId, g.compartmentCode ?? g.compartmentId)
  return [...seen]
    .map(([id, code]) => ({ id, code }))
    .sort((a, b) => Number(b.code === 'NETWORK') - Number(a.code === 'NETWORK'))
}

const sealed = (v: SealedTextView) =>
  v.state === 'shown'
    ? v.value
    : v.state === 'hidden'
      ? t('network.sealed_hidden')
      : t('network.sealed_destroyed')

function RelationshipForm({ id, onSaved }: { id: string; onSaved: () => void }): JSX.Element {
  const [form, setForm] = useState({ status: 'active', on: '', reason: '' })
  const submission = useSubmission()
  const element = useRef<HTMLFormElement>(null)
  return (
    <form
      ref={element}
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        const checked = checkFields(relationshipChangeSchema, {
          status: form.status,
          on: form.on,
          ...(form.reason ? { reason: form.reason } : {}),
        })
        if (!checked.ok) {
          submission.setFields(checked.errors)
          focusFirstInvalid(element.current)
          return
        }
        void submission.run(async () => {
          await apiPost('/network/organisations/{id}/status', { path: { id }, body: checked.value })
          onSaved()
        })
      }}
    >
      <ErrorAlert message={submission.error} />
      <div class="field-row">
        <SelectField
          id="relationship-status"
          label={t('network.status')}
          value={form.status}
          options={RELATIONSHIP_STATUSES.map((v) => ({
            value: v,
            label: t(`network.status.${v}`),
          }))}
          onChange={(status) => setForm({ ...form, status })}
          error={submission.fields.status}
        />
        <TextField
          id="relationship-on"
          type="date"
          label={t('network.since')}
          value={form.on}
          onInput={(on) => setForm({ ...form, on })}
          error={submission.fields.on}
          required
        />
        <TextField
          id="relationship-reason"
          label={t('network.reason')}
          value={form.reason}
          onInput={(reason) => setForm({ ...form, reason })}
          error={submission.fields.reason}
        />
      </div>
      <button type="submit" class="primary" disabled={submission.busy}>
        {t('network.save_change')}
      </button>
    </form>
  )
}

/** `/app/network/:id`: where the relationship stands, then its history, events and contacts. */
export function PartnerPage({ id }: { id: string }): JSX.Element {
  const [partner, reload] = useLoad(
    () => apiGet('/network/organisations/{id}', { path: { id } }),
    id,
  )
  const [changing, setChanging] = useState(false)
  const [done, setDone] = useState<string | null>(null)
  const saved = (close: () => void) => (message: string) => {
    close()
    setDone(message)
    reload()
  }
  if (partner.state === 'loading') return <Loading />
  if (partner.state === 'failed') return <Problem error={partner.error} />
  const o = partner.data
  return (
    <div class="page">
      <PageTitle text={o.name} />
      <Done text={done} />
      <section class="card" aria-labelledby="relationship-title">
        <h2 id="relationship-title">{t('network.relationship')}</h2>
        <p>
          <strong>
            {t('network.status_since', {
              status: t(`network.status.${o.status}`),
              since: day(o.statusSince),
            })}
          </strong>
        </p>
        <dl class="facts">
          <dt>{t('network.type')}</dt>
          <dd>{t(`network.type.${o.type}`)}</dd>
          <dt>{t('network.country')}</dt>
          <dd>
            {countryName(o.country)}
            {o.region ? ` · ${o.region}` : ''} ({t(`network.continent.${o.continent}`)})
          </dd>
          {o.website && (
            <>
              <dt>{t('network.website')}</dt>
              <dd>
                <a href={o.website} rel="noopener noreferrer">
                  {o.website}
                </a>
              </dd>
            </>
          )}
        </dl>
        {o.actions.includes('update') &&
          (changing ? (
            <RelationshipForm
              id={o.id}
              onSaved={() => {
                setChanging(false)
                setDone(t('network.change_saved'))
                reload()
              }}
            />
          ) : (
            <button type="button" onClick={() => setChanging(true)}>
              {t('network.change_relationship')}
            </button>
          ))}
        {o.actions.includes('update') && (
          <OnDemand label={t('network.edit_partner')} id="edit-partner">
            {(close) => <EditPartnerForm partner={o} onSaved={saved(close)} onCancel={close} />}
          </OnDemand>
        )}
      </section>
      <section class="card" aria-labelledby="history-title">
        <h2 id="history-title">{t('network.history')}</h2>
        <table class="table">
          <thead>
            <tr>
              <th scope="col">{t('network.since')}</th>
              <th scope="col">{t('network.status')}</th>
              <th scope="col">{t('network.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {o.history.map((h) => (
              <tr key={h.id}>
                <td>{day(h.on)}</td>
                <td>{t(`network.status.${h.status}`)}</td>
                <td>{h.reason ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section class="card" aria-labelledby="partner-events-title">
        <h2 id="partner-events-title">{t('network.events')}</h2>
        <p>{t('network.count', { count: o.events.length })}</p>
        <ul>
          {o.events.map((e) => (
            <li key={e.id}>
              {day(e.startsOn)} · {e.title} ({t(`network.role.${e.role}`)})
            </li>
          ))}
        </ul>
      </section>
      <section class="card" aria-labelledby="contacts-title">
        <h2 id="contacts-title">{t('network.contacts')}</h2>
        <p>{t('network.contacts_intro')}</p>
        <p>{t('network.count', { count: o.contacts.length })}</p>
        {o.contacts.length > 0 && (
          <table class="table">
            <thead>
              <tr>
                <th scope="col">{t('network.contact_name')}</th>
                <th scope="col">{t('network.contact_position')}</th>
                <th scope="col">{t('network.contact_email')}</th>
                <th scope="col">{t('network.contact_phone')}</th>
                <th scope="col">{t('network.contact_actions')}</th>
              </tr>
            </thead>
            <tbody>
              {o.contacts.map((c) => (
                <tr key={c.id}>
                  <td>{sealed(c.name)}</td>
                  <td data-label={t('network.contact_position')}>{sealed(c.position)}</td>
                  <td data-label={t('network.contact_email')}>{sealed(c.email)}</td>
                  <td data-label={t('network.contact_phone')}>{sealed(c.phone)}</td>
                  <td>
                    {c.editable && (
                      <OnDemand label={t('network.edit_contact', { name: sealed(c.name) })}>
                        {(close) => (
                          <ContactForm
                            partnerId={o.id}
                            contact={c}
                            compartments={[]}
                            onSaved={saved(close)}
                            onCancel={close}
                          />
                        )}
                      </OnDemand>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {o.actions.includes('addContact') && (
          <OnDemand label={t('network.add_contact')} id="add-contact">
            {(close) => (
              <ContactForm
                partnerId={o.id}
                compartments={contactCompartments()}
                onSaved={saved(close)}
                onCancel={close}
              />
            )}
          </OnDemand>
        )}
      </section>
    </div>
  )
}
