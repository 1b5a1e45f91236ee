import type { Role } from '@haven/core/auth/roles'
import type { JSX } from 'preact'
import { useEffect, useState } from 'preact/hooks'
import { ErrorAlert } from '../../components/messages.js'
import { PageTitle } from '../../components/page-title.js'
import { useSubmission } from '../../lib/forms.js'
import { t } from '../../lib/locale.js'
import { apiGet } from '../../lib/typed-api.js'
import { AdminNav } from './admin-nav.js'

interface RoleFacts {
  role: Role
  organisationOnly: boolean
  identifies: boolean
  secondFactorRequired: boolean
}

/** What each role may do, so an administrator grants the least that does the job. */
export function RolesPage(): JSX.Element {
  const [roles, setRoles] = useState<RoleFacts[] | null>(null)
  const loading = useSubmission()
  useEffect(() => {
    void loading.run(async () => setRoles(await apiGet('/roles')))
  }, [])

  return (
    <div class="page">
      <PageTitle text={t('admin.roles')} />
      <AdminNav />
      <ErrorAlert message={loading.error} />
      {roles && (
        <ul class="role-list">
          {roles.map((r) => (
            <li key={r.role} class="card">
              <h2>{t(`role.${r.role}`)}</h2>
              <p>{t(`role.${r.role}.about`)}</p>
              <ul class="facts">
                <li>
                  {r.organisationOnly ? t('admin.role_org_only') : t('admin.role_compartment')}
                </li>
                {r.identifies && <li>{t('admin.role_identifies')}</li>}
                <li>
                  {r.secondFactorRequired
                    ? t('admin.role_mfa_required')
                    : t('admin.role_mfa_optional')}
                </li>
              </ul>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
