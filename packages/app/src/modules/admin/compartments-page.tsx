import { createCompartmentSchema, updateCompartmentSchema } from '@haven/core/auth/auth-schemas'
import type { CompartmentView } from '@haven/core/auth/auth-views'
import { COMPARTMENT_KINDS, type CompartmentKind } from '@haven/core/auth/roles'
import type { JSX } from 'preact'
import { useEffect, useRef, useState } from 'preact/hooks'
import { ErrorAlert, StatusMessage } from '../../components/messages.js'
import { PageTitle } from '../../components/page-title.js'
import { SelectField } from '../../components/select-field.js'
import { TextField } from '../../components/text-field.js'
import { checkFields, focusFirstInvalid, useSubmission } from '../../lib/forms.js'
import { t } from '../../lib/locale.js'
import { apiGet, apiPatch, apiPost } from '../../lib/typed-api.js'
import { AdminNav } from './admin-nav.js'

const isKind = (value: string): value is CompartmentKind =>
  (COMPARTMENT_KINDS as readonly string[]).includes(value)

function CreateCompartmentForm({ onCreated }: { onCreated: (c: CompartmentView) => void }) {
  const empty = { code: '', name: '' }
  const [form, setForm] = useState(empty)
  const [kind, setKind] = useState<CompartmentKind>('shelter')
  const submission = useSubmission()
  const element = useRef<HTMLFormElement>(null)
  const set = (field: keyof typeof empty) => (value: string) => setForm({ ...form, [field]: value })
  return (
    <form
      ref={element}
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        const checked = checkFields(createCompartmentSchema, { ...form, kind })
        if (!checked.ok) {
          submission.setFields(checked.errors)
          focusFirstInvalid(element.current)
          return
        }
        void submission.run(async () => {
          const created = await apiPost('/compartments', { body: checked.value })
          setForm(empty)
          onCreated(created)
        })
      }}
    >
      <ErrorAlert message={submission.error} />
      <div class="field-row">
        <TextField
          id="compartmentCode"
          label={t('admin.compartment_code')}
          hint={t('admin.compartment_code_hint')}
          value={form.code}
          onInput={set('code')}
          error={submission.fields.code}
          autoComplete="off"
          verbatim
          required
        />
        <SelectField
          id="compartmentKind"
          label={t('admin.compartment_kind')}
          value={kind}
          options={COMPARTMENT_KINDS.map((k) => ({
            value: k,
            label: t(`admin.compartment_kind.${k}`),
          }))}
          onChange={(value) => {
            if (isKind(value)) setKind(value)
          }}
          error={submission.fields.kind}
        />
      </div>
      <TextField
        id="compartmentName"
        label={t('admin.compartment_name')}
        hint={t('admin.compartment_name_hint')}
        value={form.name}
        onInput={set('name')}
        error={submission.fields.name}
        autoComplete="off"
        required
      />
      <button type="submit" class="primary" disabled={submission.busy}>
        {t('admin.compartment_create')}
      </button>
    </form>
  )
}

function RenameCompartment({
  compartment,
  onDone,
}: {
  compartment: CompartmentView
  onDone: (renamed: CompartmentView | null) => void
}): JSX.Element {
  const [name, setName] = useState(compartment.name)
  const submission = useSubmission()
  const id = `rename-${compartment.id}`
  return (
    <form
      class="inline-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        const checked = checkFields(updateCompartmentSchema, { name })
        if (!checked.ok) {
          submission.setFields({ [id]: checked.errors.name ?? t('field.required') })
          return
        }
        void submission.run(async () => {
          onDone(
            await apiPatch('/compartments/{id}', {
              path: { id: compartment.id },
              body: checked.value,
            }),
          )
        })
      }}
    >
      <ErrorAlert message={submission.error} />
      <TextField
        id={id}
        label={t('admin.compartment_new_name', { code: compartment.code })}
        value={name}
        onInput={setName}
        error={submission.fields[id] ?? submission.fields.name}
        required
      />
      <div class="actions">
        <button type="submit" class="primary" disabled={submission.busy}>
          {t('common.save')}
        </button>
        <button type="button" class="secondary" onClick={() => onDone(null)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  )
}

/** Compartments (shelters, regions, programmes, inboxes): every protected record lives in one. */
export function CompartmentsPage(): JSX.Element {
  const [compartments, setCompartments] = useState<CompartmentView[] | null>(null)
  const [renaming, setRenaming] = useState<string | null>(null)
  const [status, setStatus] = useState<string | null>(null)
  const loading = useSubmission()
  const load = () => loading.run(async () => setCompartments(await apiGet('/compartments')))
  useEffect(() => {
    void load()
  }, [])

  return (
    <div class="page">
      <PageTitle text={t('admin.compartments')} />
      <AdminNav />
      <ErrorAlert message={loading.error} />
      <section class="card" aria-labelledby="new-compartment-title">
        <h2 id="new-compartment-title">{t('admin.compartment_new')}</h2>
        <CreateCompartmentForm
          onCreated={(created) => {
            setStatus(t('admin.compartment_created', { code: created.code }))
            void load()
          }}
        />
      </section>
      <section class="card" aria-labelledby="compartment-list-title">
        <h2 id="compartment-list-title">{t('admin.compartment_list')}</h2>
        <StatusMessage>{status}</StatusMessage>
        {!compartments ? (
          <p>{t('common.loading')}</p>
        ) : compartments.length === 0 ? (
          <p>{t('admin.compartments_none')}</p>
        ) : (
          <table class="table">
            <caption class="visually-hidden">{t('admin.compartments')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.compartment_code')}</th>
                <th scope="col">{t('admin.compartment_name')}</th>
                <th scope="col">{t('admin.compartment_kind')}</th>
                <th scope="col">{t('admin.user_status')}</th>
                <th scope="col">
                  <span class="visually-hidden">{t('common.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {compartments.map((c) => (
                <tr key={c.id}>
                  <th scope="row" data-label={t('admin.compartment_code')}>
                    <code>{c.code}</code>
                  </th>
                  <td data-label={t('admin.compartment_name')}>
                    {renaming === c.id ? (
                      <RenameCompartment
                        compartment={c}
                        onDone={(renamed) => {
                          setRenaming(null)
                          if (renamed) {
                            setStatus(t('account.saved'))
                            void load()
                          }
                        }}
                      />
                    ) : (
                      c.name
                    )}
                  </td>
                  <td data-label={t('admin.compartment_kind')}>
                    {t(`admin.compartment_kind.${c.kind}`)}
                  </td>
                  <td data-label={t('admin.user_status')}>
                    {t(`admin.compartment_status.${c.status}`)}
                  </td>
                  <td class="cell-actions">
                    {c.actions.includes('update') && renaming !== c.id && (
                      <button type="button" class="secondary" onClick={() => setRenaming(c.id)}>
                        {t('admin.rename')}
                        <span class="visually-hidden"> ({c.code})</span>
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  )
}
