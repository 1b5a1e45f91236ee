import { formatDateTime } from '@haven/core/i18n/format'
import type {
  KeyExportView,
  KeyOwnerView,
  KeysOverviewView,
  ShredResultView,
} from '@haven/core/keys/key-views'
import { useEffect, useRef, useState } from 'preact/hooks'
import { useLocation } from 'preact-iso'
import { PageTitle } from '../../components/page-title.js'
import { TextField } from '../../components/text-field.js'
import { ApiError } from '../../lib/api-client.js'
import { locale, t } from '../../lib/locale.js'
import { apiGet, apiPost } from '../../lib/typed-api.js'
import { AdminNav } from '../admin/index.js'
import './keys-page.css'

type Load =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'ready'; overview: KeysOverviewView }

const when = (iso: string) => formatDateTime(locale.value, iso)

/** How often a running rotation's progress is fetched. */
const POLL_MS = 1000

/**
 * `/app/admin/keys`: each compartment's key versions, rotation with live progress, and
 * crypto-shredding — confirmed by typing the compartment's code and, if the last confirmation
 * is older than five minutes, the administrator's password.
 */
export function KeysPage() {
  const [load, setLoad] = useState<Load>({ kind: 'loading' })
  const [shredding, setShredding] = useState<KeyOwnerView | null>(null)
  const [shredded, setShredded] = useState<ShredResultView | null>(null)
  const [actionError, setActionError] = useState<string | null>(null)

  const refresh = async () => {
    try {
      setLoad({ kind: 'ready', overview: await apiGet('/keys') })
    } catch (error) {
      setLoad({ kind: 'error', message: error instanceof ApiError ? error.message : String(error) })
    }
  }
  useEffect(() => {
    void refresh()
  }, [])
  // A shelter marked compromised links here with `?shred=<compartment id>`: open its shred form.
  const { query } = useLocation()
  const asked = query.shred
  useEffect(() => {
    if (!asked || load.kind !== 'ready' || shredding) return
    const owner = load.overview.owners.find((o) => o.id === asked && !o.shreddedAt)
    if (owner) setShredding(owner)
  }, [asked, load.kind])

  // While any rotation runs, follow its progress.
  const running =
    load.kind === 'ready'
      ? load.overview.owners.filter((o) => o.rotation?.status === 'running')
      : []
  const runningKey = running.map((o) => o.rotation?.id).join()
  useEffect(() => {
    if (!runningKey) return
    const timer = setInterval(async () => {
      if (load.kind !== 'ready') return
      const jobs = await Promise.all(
        running.map((o) =>
          o.rotation
            ? apiGet('/keys/jobs/{id}', { path: { id: o.rotation.id } }).catch(() => null)
            : null,
        ),
      )
      const byOwner = new Map(jobs.filter((j) => j !== null).map((j) => [j.ownerId, j]))
      setLoad({
        kind: 'ready',
        overview: {
          ...load.overview,
          owners: load.overview.owners.map((o) => ({
            ...o,
            rotation: byOwner.get(o.id) ?? o.rotation,
          })),
        },
      })
      if ([...byOwner.values()].some((j) => j.status !== 'running')) void refresh()
    }, POLL_MS)
    return () => clearInterval(timer)
  }, [runningKey, load])

  const rotate = async (owner: KeyOwnerView) => {
    setActionError(null)
    try {
      await apiPost('/keys/{id}/rotate', { path: { id: owner.id } })
      await refresh()
    } catch (error) {
      setActionError(error instanceof ApiError ? error.message : String(error))
    }
  }

  return (
    <section class="card keys" aria-labelledby="page-title">
      <PageTitle text={t('keys.title')} />
      <AdminNav />
      <p>{t('keys.intro')}</p>
      {load.kind === 'loading' && <p aria-live="polite">{t('keys.loading')}</p>}
      {load.kind === 'error' && (
        <p class="alert" role="alert">
          {load.message}
        </p>
      )}
      {actionError && (
        <p class="alert" role="alert">
          {actionError}
        </p>
      )}
      {shredded && <ShredReport result={shredded} />}
      {load.kind === 'ready' && (
        <>
          {load.overview.masterRotationAdvisedSince && !shredded && (
            <p class="callout" role="note">
              {t('keys.rotate_master_advised', {
                date: when(load.overview.masterRotationAdvisedSince),
              })}{' '}
              <code>haven keys rotate-master</code>
            </p>
          )}
          <div class="table-scroll">
            <table class="keys-table">
              <thead>
                <tr>
                  <th scope="col">{t('keys.compartment')}</th>
                  <th scope="col">{t('keys.data_key')}</th>
                  <th scope="col">{t('keys.index_key')}</th>
                  <th scope="col">{t('keys.status')}</th>
                  <th scope="col">{t('keys.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {load.overview.owners.map((owner) => (
                  <OwnerRow
                    key={owner.id}
                    owner={owner}
                    onRotate={() => void rotate(owner)}
                    onShred={() => {
                      setShredded(null)
                      setShredding(owner)
                    }}
                  />
                ))}
              </tbody>
            </table>
          </div>
          {shredding && (
            <ShredPanel
              owner={shredding}
              onCancel={() => setShredding(null)}
              onDone={(result) => {
                setShredding(null)
                setShredded(result)
                void refresh()
              }}
            />
          )}
          <ExportList exports={load.overview.exports} />
        </>
      )}
    </section>
  )
}

function OwnerRow(props: { owner: KeyOwnerView; onRotate: () => void; onShred: () => void }) {
  const { owner } = props
  const job = owner.rotation
  const label = owner.kind === 'system' ? t('keys.system') : owner.code
  const status = owner.shreddedAt
    ? t('keys.status_shredded', { date: when(owner.shreddedAt) })
    : job?.status === 'running'
      ? // After the main pass the job waits ROTATION_SETTLE_SECONDS at 100 %: say so.
        job.done >= job.total
        ? t('keys.rotation_settling', { total: job.total })
        : t('keys.rotating', { done: job.done, total: job.total })
      : job?.status === 'failed'
        ? t('keys.rotation_failed', { error: job.error ?? '' })
        : job?.status === 'done' && job.finishedAt
          ? t('keys.rotation_done', { date: when(job.finishedAt) })
          : t('keys.status_ok')
  return (
    <tr class={owner.shreddedAt ? 'shredded' : undefined}>
      <th scope="row">{label}</th>
      <td>{owner.dataVersion > 0 ? t('keys.version', { version: owner.dataVersion }) : '—'}</td>
      <td>{owner.indexVersion > 0 ? t('keys.version', { version: owner.indexVersion }) : '—'}</td>
      <td>
        {status}
        {job?.status === 'running' && (
          <progress value={job.done} max={Math.max(job.total, 1)} aria-label={status} />
        )}
      </td>
      <td class="actions">
        {!owner.shreddedAt && (
          <button
            type="button"
            onClick={props.onRotate}
            disabled={job?.status === 'running'}
            aria-label={t('keys.rotate_label', { code: label })}
          >
            {t('keys.rotate')}
          </button>
        )}
        {!owner.shreddedAt && owner.kind !== 'system' && (
          <button
            type="button"
            class="danger"
            onClick={props.onShred}
            aria-label={t('keys.shred_label', { code: owner.code })}
          >
            {t('keys.shred')}
          </button>
        )}
      </td>
    </tr>
  )
}

function ShredPanel(props: {
  owner: KeyOwnerView
  onCancel: () => void
  onDone: (result: ShredResultView) => void
}) {
  const { owner } = props
  const [confirmCode, setConfirmCode] = useState('')
  const [password, setPassword] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => heading.current?.focus(), [owner.id])

  const submit = async (event: Event) => {
    event.preventDefault()
    if (busy) return
    setError(null)
    setFieldErrors({})
    if (confirmCode.trim() !== owner.code) {
      setFieldErrors({ confirmCode: t('error.confirmation_mismatch') })
      return
    }
    setBusy(true)
    try {
      // Confirming who you are first, when a password was given, saves a round trip.
      if (password) await apiPost('/account/reauth', { body: { password } })
      props.onDone(
        await apiPost('/keys/{id}/shred', {
          path: { id: owner.id },
          body: {
            confirmCode: confirmCode.trim(),
          },
        }),
      )
    } catch (e) {
      if (e instanceof ApiError) {
        setFieldErrors(e.fields)
        if (e.code === 'reauth_required' || e.code === 'invalid_credentials')
          setFieldErrors({ password: e.message })
        else setError(e.message)
      } else setError(String(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <section class="shred-panel" aria-labelledby="shred-title">
      <h2 id="shred-title" tabIndex={-1} ref={heading}>
        {t('keys.shred_title', { code: owner.code })}
      </h2>
      <p class="alert">{t('keys.shred_warning', { code: owner.code })}</p>
      <p>{t('keys.shred_then_rotate')}</p>
      {error && (
        <p class="alert" role="alert">
          {error}
        </p>
      )}
      <form onSubmit={submit} noValidate>
        <TextField
          id="confirmCode"
          label={t('keys.shred_confirm_label', { code: owner.code })}
          value={confirmCode}
          onInput={setConfirmCode}
          error={fieldErrors.confirmCode}
          autoComplete="off"
          required
        />
        <TextField
          id="password"
          type="password"
          label={t('keys.shred_password_label')}
          value={password}
          onInput={setPassword}
          error={fieldErrors.password}
          autoComplete="current-password"
        />
        <div class="buttons">
          <button type="submit" class="danger" disabled={busy} aria-busy={busy}>
            {t('keys.shred_submit', { code: owner.code })}
          </button>
          <button type="button" onClick={props.onCancel}>
            {t('keys.cancel')}
          </button>
        </div>
      </form>
    </section>
  )
}

function ShredReport(props: { result: ShredResultView }) {
  const { result } = props
  return (
    <div class="shred-report" role="status">
      <p>
        <strong>
          {t('keys.shredded_done', { code: result.code, count: result.destroyedKeys })}
        </strong>
      </p>
      <p class="important">{t('keys.shred_then_rotate')}</p>
      {result.exportsToDestroy.length === 0 ? (
        <p>{t('keys.no_exports')}</p>
      ) : (
        <>
          <p class="alert">{t('keys.exports_to_destroy')}</p>
          <ul>
            {result.exportsToDestroy.map((e) => (
              <li key={e.fingerprint}>
                {t('keys.export_line', { fingerprint: e.fingerprint, date: when(e.createdAt) })}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  )
}

function ExportList(props: { exports: readonly KeyExportView[] }) {
  return (
    <section aria-labelledby="exports-title">
      <h2 id="exports-title">{t('keys.exports_title')}</h2>
      {props.exports.length === 0 ? (
        <p>{t('keys.exports_none')}</p>
      ) : (
        <ul>
          {props.exports.map((e) => (
            <li key={e.fingerprint + e.createdAt}>
              {t('keys.export_line', { fingerprint: e.fingerprint, date: when(e.createdAt) })}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
