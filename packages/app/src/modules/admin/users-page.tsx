import type { LinkView, UserView } from '@haven/core/admin/admin-views'
import { createUserSchema } from '@haven/core/auth/auth-schemas'
import type { JSX } from 'preact'
import { useEffect, useRef, useState } from 'preact/hooks'
import { ErrorAlert } from '../../components/messages.js'
import { PageTitle } from '../../components/page-title.js'
import { SelectField } from '../../components/select-field.js'
import { TextField } from '../../components/text-field.js'
import { checkFields, focusFirstInvalid, useSubmission } from '../../lib/forms.js'
import { grantLabel } from '../../lib/grant-label.js'
import { isLocale, LOCALE_NAMES, LOCALES, locale, t } from '../../lib/locale.js'
import { apiGet, apiPost } from '../../lib/typed-api.js'
import { AdminNav } from './admin-nav.js'
import { LinkIssued, linkExpiry } from './link-issued.js'

function UsersTable({ users }: { users: readonly UserView[] }): JSX.Element {
  return (
    <table class="table">
      <caption class="visually-hidden">{t('admin.users')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('auth.login_name')}</th>
          <th scope="col">{t('account.display_name')}</th>
          <th scope="col">{t('admin.user_status')}</th>
          <th scope="col">{t('admin.second_factor')}</th>
          <th scope="col">{t('admin.grants')}</th>
        </tr>
      </thead>
      <tbody>
        {users.map((user) => (
          <tr key={user.id}>
            <th scope="row" data-label={t('auth.login_name')}>
              <a href={`/app/admin/users/${encodeURIComponent(user.id)}`}>{user.loginName}</a>
            </th>
            <td data-label={t('account.display_name')}>{user.displayName}</td>
            <td data-label={t('admin.user_status')}>
              <span class={`badge status-${user.status}`}>{t(`admin.status.${user.status}`)}</span>
              {!user.hasPassword && <span class="badge">{t('admin.no_password_yet')}</span>}
            </td>
            <td data-label={t('admin.second_factor')}>
              {user.secondFactor ? t('common.yes') : t('common.no')}
            </td>
            <td data-label={t('admin.grants')}>
              {user.grants.length === 0 ? (
                <span class="muted">{t('admin.grants_none_short')}</span>
              ) : (
                <ul class="plain">
                  {user.grants.map((g) => (
                    <li key={g.id}>{grantLabel(g)}</li>
                  ))}
                </ul>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function CreateUserForm({ onCreated }: { onCreated: (link: LinkView) => void }): JSX.Element {
  const empty = { loginName: '', displayName: '' }
  const [form, setForm] = useState(empty)
  const [language, setLanguage] = useState(locale.value)
  const submission = useSubmission()
  const element = useRef<HTMLFormElement>(null)
  const set = (field: keyof typeof empty) => (value: string) => setForm({ ...form, [field]: value })
  return (
    <form
      ref={element}
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        const checked = checkFields(createUserSchema, { ...form, locale: language })
        if (!checked.ok) {
          submission.setFields(checked.errors)
          focusFirstInvalid(element.current)
          return
        }
        void submission.run(async () => {
          const created = await apiPost('/users', { body: checked.value })
          setForm(empty)
          onCreated(created.link)
        })
      }}
    >
      <ErrorAlert message={submission.error} />
      <TextField
        id="loginName"
        label={t('auth.login_name')}
        hint={t('field.login_name_format')}
        value={form.loginName}
        onInput={set('loginName')}
        error={submission.fields.loginName}
        autoComplete="off"
        verbatim
        required
      />
      <TextField
        id="displayName"
        label={t('account.display_name')}
        value={form.displayName}
        onInput={set('displayName')}
        error={submission.fields.displayName}
        autoComplete="off"
        required
      />
      <SelectField
        id="userLocale"
        label={t('account.language')}
        value={language}
        options={LOCALES.map((l) => ({ value: l, label: LOCALE_NAMES[l], lang: l }))}
        onChange={(value) => {
          if (isLocale(value)) setLanguage(value)
        }}
        error={submission.fields.locale}
      />
      <button type="submit" class="primary" disabled={submission.busy}>
        {t('admin.user_create')}
      </button>
    </form>
  )
}

/** Every user with status and grants, and the form that adds one. */
export function UsersPage(): JSX.Element {
  const [users, setUsers] = useState<UserView[] | null>(null)
  const [link, setLink] = useState<LinkView | null>(null)
  const loading = useSubmission()
  const load = () => loading.run(async () => setUsers(await apiGet('/users')))
  useEffect(() => {
    void load()
  }, [])

  return (
    <div class="page">
      <PageTitle text={t('admin.users')} />
      <AdminNav />
      <ErrorAlert message={loading.error} />
      <section class="card" aria-labelledby="new-user-title">
        <h2 id="new-user-title">{t('admin.user_new')}</h2>
        {link && (
          <LinkIssued link={link} text={t('admin.user_created_link', { time: linkExpiry(link) })} />
        )}
        <CreateUserForm
          onCreated={(issued) => {
            setLink(issued)
            void load()
          }}
        />
      </section>
      <section class="card" aria-labelledby="user-list-title">
        <h2 id="user-list-title">{t('admin.user_list')}</h2>
        {users ? <UsersTable users={users} /> : <p>{t('common.loading')}</p>}
      </section>
    </div>
  )
}
