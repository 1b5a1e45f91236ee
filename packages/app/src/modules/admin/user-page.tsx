import type { LinkView, UserView } from '@haven/core/admin/admin-views'
import { createGrantSchema } from '@haven/core/auth/auth-schemas'
import type { CompartmentView } from '@haven/core/auth/auth-views'
import { isRole, ORGANISATION_ROLES, ROLES, type Role } from '@haven/core/auth/roles'
import type { JSX } from 'preact'
import { useEffect, useRef, useState } from 'preact/hooks'
import { useRoute } from 'preact-iso'
import { ErrorAlert, StatusMessage } from '../../components/messages.js'
import { PageTitle } from '../../components/page-title.js'
import { SelectField } from '../../components/select-field.js'
import { checkFields, focusFirstInvalid, useSubmission } from '../../lib/forms.js'
import { grantLabel } from '../../lib/grant-label.js'
import { t } from '../../lib/locale.js'
import { apiDelete, apiGet, apiPatch, apiPost } from '../../lib/typed-api.js'
import { AdminNav } from './admin-nav.js'
import { LinkIssued, linkExpiry } from './link-issued.js'

/** The compartment select's value for a grant over the whole organisation (every compartment). */
const ORG_WIDE = 'organisation'

function AddGrantForm({
  user,
  compartments,
  onAdded,
}: {
  user: UserView
  compartments: readonly CompartmentView[]
  onAdded: () => Promise<void>
}): JSX.Element {
  // Nothing is preselected: a coordinator for every compartment should never be one click away.
  const [role, setRole] = useState<Role | ''>('')
  const [compartmentId, setCompartmentId] = useState('')
  const submission = useSubmission()
  const form = useRef<HTMLFormElement>(null)
  // Some roles only make sense for the whole organisation; offering a compartment would only
  // lead to a refusal.
  const orgOnly = role !== '' && ORGANISATION_ROLES.includes(role)
  const choose = { value: '', label: t('admin.grant_choose') }
  const options = orgOnly
    ? [{ value: ORG_WIDE, label: t('admin.grant_org_wide') }]
    : [
        choose,
        ...compartments
          .filter((c) => c.status === 'active')
          .map((c) => ({ value: c.id, label: `${c.code} – ${c.name}` })),
        { value: ORG_WIDE, label: t('admin.grant_every_compartment') },
      ]
  return (
    <form
      ref={form}
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        const chosen = orgOnly ? ORG_WIDE : compartmentId
        const missing = {
          ...(role === '' ? { role: t('admin.grant_choose_role') } : {}),
          ...(chosen === '' ? { compartmentId: t('admin.grant_choose_compartment') } : {}),
        }
        const checked = checkFields(createGrantSchema, {
          userId: user.id,
          role,
          compartmentId: chosen === ORG_WIDE ? null : chosen,
        })
        if (Object.keys(missing).length > 0 || !checked.ok) {
          submission.setFields({ ...(checked.ok ? {} : checked.errors), ...missing })
          focusFirstInvalid(form.current)
          return
        }
        void submission.run(async () => {
          await apiPost('/grants', { body: checked.value })
          setRole('')
          setCompartmentId('')
          await onAdded()
        })
      }}
    >
      <h3>{t('admin.grant_add')}</h3>
      <ErrorAlert message={submission.error} />
      <div class="field-row">
        <SelectField
          id="grantRole"
          label={t('admin.grant_role')}
          value={role}
          options={[choose, ...ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))]}
          onChange={(value) => setRole(isRole(value) ? value : '')}
          error={submission.fields.role}
        />
        <SelectField
          id="grantCompartment"
          label={t('admin.grant_compartment')}
          value={orgOnly ? ORG_WIDE : compartmentId}
          options={options}
          onChange={setCompartmentId}
          hint={orgOnly ? t('admin.grant_org_only') : undefined}
          error={submission.fields.compartmentId}
        />
      </div>
      <button type="submit" class="primary" disabled={submission.busy}>
        {t('admin.grant_add')}
      </button>
    </form>
  )
}

/** One user: status, a new password link, and their grants. */
export function UserPage(): JSX.Element {
  const { params } = useRoute()
  const id = params.id ?? ''
  const [user, setUser] = useState<UserView | null>(null)
  const [compartments, setCompartments] = useState<CompartmentView[]>([])
  const [link, setLink] = useState<LinkView | null>(null)
  const [status, setStatus] = useState<string | null>(null)
  const loading = useSubmission()
  const action = useSubmission()
  const grantAction = useSubmission()
  const [grantStatus, setGrantStatus] = useState<string | null>(null)

  const load = async () => {
    const [loaded, list] = await Promise.all([
      apiGet('/users/{id}', { path: { id } }),
      apiGet('/compartments'),
    ])
    setUser(loaded)
    setCompartments(list)
  }
  useEffect(() => {
    void loading.run(load)
  }, [id])

  const canManage = user?.actions.includes('manage') ?? false
  const canUpdate = user?.actions.includes('update') ?? false

  return (
    <div class="page">
      <PageTitle text={user ? `${user.displayName} (${user.loginName})` : t('admin.users')} />
      <AdminNav />
      <p>
        <a href="/app/admin">← {t('admin.back_to_users')}</a>
      </p>
      <ErrorAlert message={loading.error} />
      {user && (
        <>
          <section class="card" aria-labelledby="account-state-title">
            <h2 id="account-state-title">{t('admin.account_state')}</h2>
            <ErrorAlert message={action.error} />
            <StatusMessage>{status}</StatusMessage>
            <p>
              {t('admin.user_status')}:{' '}
              <span class={`badge status-${user.status}`}>{t(`admin.status.${user.status}`)}</span>{' '}
              · {t('admin.second_factor')}: {user.secondFactor ? t('common.yes') : t('common.no')}
            </p>
            {!canUpdate && <p class="muted">{t('admin.self_note')}</p>}
            <div class="actions">
              {canUpdate && (
                <button
                  type="button"
                  class={user.status === 'active' ? 'secondary danger' : 'secondary'}
                  disabled={action.busy}
                  onClick={() =>
                    action.run(async () => {
                      const next = user.status === 'active' ? 'suspended' : 'active'
                      setUser(
                        await apiPatch('/users/{id}', {
                          path: { id: user.id },
                          body: {
                            status: next,
                          },
                        }),
                      )
                      setStatus(
                        t(next === 'suspended' ? 'admin.suspended_done' : 'admin.reactivated_done'),
                      )
                    })
                  }
                >
                  {user.status === 'active' ? t('admin.suspend') : t('admin.reactivate')}
                </button>
              )}
              {canManage && user.status === 'active' && (
                <button
                  type="button"
                  class="secondary"
                  disabled={action.busy}
                  onClick={() =>
                    action.run(async () => {
                      setStatus(null)
                      setLink(await apiPost('/users/{id}/password-link', { path: { id: user.id } }))
                    })
                  }
                >
                  {t('admin.reset_link')}
                </button>
              )}
            </div>
            {user.status === 'active' && <p class="hint">{t('admin.suspend_hint')}</p>}
            {link && (
              <LinkIssued
                link={link}
                text={t('admin.reset_link_intro', {
                  name: user.displayName,
                  time: linkExpiry(link),
                })}
              />
            )}
          </section>
          <section class="card" aria-labelledby="grants-title">
            <h2 id="grants-title">{t('admin.grants')}</h2>
            <ErrorAlert message={grantAction.error} />
            <StatusMessage>{grantStatus}</StatusMessage>
            {user.grants.length === 0 ? (
              <p>{t('admin.grants_none')}</p>
            ) : (
              <ul class="item-list">
                {user.grants.map((grant) => (
                  <li key={grant.id} class="item">
                    <span class="item-title">{grantLabel(grant)}</span>
                    {canManage && (
                      <button
                        type="button"
                        class="secondary danger"
                        disabled={grantAction.busy}
                        onClick={() =>
                          grantAction.run(async () => {
                            await apiDelete('/grants/{id}', { path: { id: grant.id } })
                            setGrantStatus(t('admin.grant_removed', { grant: grantLabel(grant) }))
                            await load()
                          })
                        }
                      >
                        {t('admin.grant_remove')}
                        <span class="visually-hidden"> ({grantLabel(grant)})</span>
                      </button>
                    )}
                  </li>
                ))}
              </ul>
            )}
            {canManage && (
              <AddGrantForm
                user={user}
                compartments={compartments}
                onAdded={async () => {
                  await load()
                  setGrantStatus(t('admin.grant_added'))
                }}
              />
            )}
          </section>
        </>
      )}
    </div>
  )
}
