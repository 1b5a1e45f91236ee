import { ALWAYS_MFA_ROLES, ROLES, type Role } from '@haven/core/auth/roles'
import type { JSX } from 'preact'
import { useEffect, useState } from 'preact/hooks'
import { ErrorAlert, StatusMessage } from '../../components/messages.js'
import { PageTitle } from '../../components/page-title.js'
import { useSubmission } from '../../lib/forms.js'
import { t } from '../../lib/locale.js'
import { apiGet, apiPut } from '../../lib/typed-api.js'
import { AdminNav } from './admin-nav.js'

/** Organisation security settings: which roles must use a second factor. */
export function SecurityPage(): JSX.Element {
  const [roles, setRoles] = useState<ReadonlySet<Role> | null>(null)
  const [saved, setSaved] = useState(false)
  const loading = useSubmission()
  const saving = useSubmission()
  useEffect(() => {
    void loading.run(async () => {
      const settings = await apiGet('/settings/security')
      setRoles(new Set(settings.mfaRequiredRoles))
    })
  }, [])

  return (
    <div class="page">
      <PageTitle text={t('admin.security')} />
      <AdminNav />
      <ErrorAlert message={loading.error} />
      {roles && (
        <section class="card">
          <form
            noValidate
            onSubmit={(event) => {
              event.preventDefault()
              setSaved(false)
              void saving.run(async () => {
                const result = await apiPut('/settings/security', {
                  body: {
                    mfaRequiredRoles: ROLES.filter(
                      (r) => roles.has(r) || ALWAYS_MFA_ROLES.includes(r),
                    ),
                  },
                })
                setRoles(new Set(result.mfaRequiredRoles))
                setSaved(true)
              })
            }}
          >
            <ErrorAlert message={saving.error} />
            <fieldset class="checkboxes" aria-describedby="mfa-roles-hint">
              <legend>{t('admin.mfa_roles')}</legend>
              <p class="hint" id="mfa-roles-hint">
                {t('admin.mfa_roles_hint')}
              </p>
              {ROLES.map((role) => (
                <label key={role} class="checkbox">
                  <input
                    type="checkbox"
                    name="mfaRequiredRoles"
                    value={role}
                    checked={roles.has(role) || ALWAYS_MFA_ROLES.includes(role)}
                    // Administrators always need one: the box shows it and cannot be cleared.
                    disabled={ALWAYS_MFA_ROLES.includes(role)}
                    onChange={(event) => {
                      const next = new Set(roles)
                      if ((event.currentTarget as HTMLInputElement).checked) next.add(role)
                      else next.delete(role)
                      setRoles(next)
                      setSaved(false)
                    }}
                  />
                  {t(`role.${role}`)}
                </label>
              ))}
            </fieldset>
            <div class="actions">
              <button type="submit" class="primary" disabled={saving.busy}>
                {t('common.save')}
              </button>
              <StatusMessage>{saved ? t('account.saved') : null}</StatusMessage>
            </div>
          </form>
        </section>
      )}
    </div>
  )
}
