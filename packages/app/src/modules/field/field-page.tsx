import type { FieldMutation, PulledCase, PulledPerson } from '@haven/core/field/field-schemas'
import { formatDate, formatDateTime } from '@haven/core/i18n/format'
import type { JSX } from 'preact'
import { useEffect, useRef, useState } from 'preact/hooks'
import { ErrorAlert, StatusMessage } from '../../components/messages.js'
import { PageTitle } from '../../components/page-title.js'
import { SelectField } from '../../components/select-field.js'
import { TextField } from '../../components/text-field.js'
import { locale, t } from '../../lib/locale.js'
import { apiPost } from '../../lib/typed-api.js'
import { FORM_LABELS, labelOf, refusalLabel } from './field-labels.js'
import './field.css'
import {
  CLOCK_TOLERANCE_MINUTES,
  DeviceRevoked,
  enqueue,
  type FieldState,
  type OutboxEntry,
  type Shelter,
  sync,
} from './field-sync.js'
import { createVault, QuotaError, unlock, type Vault, vaultExists, wipe } from './field-vault.js'
import { RegisterForm } from './register-form.js'

/** Minutes without a touch or a key before the store locks and the key leaves memory. */
const IDLE_MINUTES = 5

interface Held {
  state: FieldState
  outbox: OutboxEntry[]
  people: PulledPerson[]
  cases: PulledCase[]
  shelters: Shelter[]
  compartments: Shelter[]
  /** Compartments where this worker may register people (none for a field worker). */
  registerIn: string[]
}

async function readAll(vault: Vault): Promise<Held> {
  return {
    state: (await vault.get<FieldState>('state')) ?? { deviceId: '' },
    outbox: (await vault.get<OutboxEntry[]>('outbox')) ?? [],
    people: (await vault.get<PulledPerson[]>('people')) ?? [],
    cases: (await vault.get<PulledCase[]>('cases')) ?? [],
    shelters: (await vault.get<Shelter[]>('shelters')) ?? [],
    compartments: (await vault.get<Shelter[]>('compartments')) ?? [],
    registerIn: (await vault.get<string[]>('registerIn')) ?? [],
  }
}

const today = () => new Date().toISOString().slice(0, 10)

/**
 * The offline field app: set up once (device registered, passphrase chosen), then unlocked per
 * session. Forms save to the encrypted outbox; Sync sends it and brings the worker's people and
 * cases. Facts first (online, waiting, clock), forms open on demand, wipe always one tap away.
 */
export function FieldPage(): JSX.Element {
  const [phase, setPhase] = useState<'loading' | 'setup' | 'locked' | 'open'>('loading')
  const [vault, setVault] = useState<Vault | null>(null)
  const [held, setHeld] = useState<Held | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [online, setOnline] = useState(navigator.onLine)
  const [progress, setProgress] = useState<string | null>(null)
  const [form, setForm] = useState<FieldMutation['kind'] | null>(null)

  useEffect(() => {
    // The app shell only (see public/field-sw.js): opening the field app offline needs it.
    navigator.serviceWorker?.register('/app/field-sw.js').catch(() => {})
    vaultExists()
      .then((exists) => setPhase(exists ? 'locked' : 'setup'))
      .catch(() => setPhase('setup'))
    const on = () => setOnline(true)
    const off = () => setOnline(false)
    addEventListener('online', on)
    addEventListener('offline', off)
    return () => {
      removeEventListener('online', on)
      removeEventListener('offline', off)
    }
  }, [])

  const lock = (why: string | null) => {
    vault?.close()
    setVault(null)
    setHeld(null)
    setPhase('locked')
    setNotice(why)
  }

  // Auto-lock: the key is dropped from memory after IDLE_MINUTES without input.
  const timer = useRef<number | undefined>(undefined)
  useEffect(() => {
    if (phase !== 'open') return
    const arm = () => {
      clearTimeout(timer.current)
      timer.current = window.setTimeout(
        () => lock(t('field.locked_idle', { minutes: IDLE_MINUTES })),
        IDLE_MINUTES * 60_000,
      )
    }
    arm()
    for (const e of ['pointerdown', 'keydown']) addEventListener(e, arm)
    return () => {
      clearTimeout(timer.current)
      for (const e of ['pointerdown', 'keydown']) removeEventListener(e, arm)
    }
  }, [phase, vault])

  const opened = async (v: Vault) => {
    setVault(v)
    setHeld(await readAll(v))
    setPhase('open')
  }

  const panic = async () => {
    vault?.close()
    await wipe()
    setVault(null)
    setHeld(null)
    setPhase('setup')
    setNotice(t('field.panic.done'))
  }

  const save = async (m: FieldMutation) => {
    if (!vault) return
    setProblem(null)
    try {
      await enqueue(vault, m)
      setHeld(await readAll(vault))
      setNotice(t('field.form.saved'))
      setForm(null)
    } catch (error) {
      setProblem(error instanceof QuotaError ? t('field.quota') : String(error))
    }
  }

  const runSync = async () => {
    if (!vault) return
    setProblem(null)
    setNotice(null)
    try {
      const report = await sync(vault, (done, total, step) =>
        setProgress(
          step === 'push' ? t('field.sync.progress', { done, total }) : t('field.sync.pulling'),
        ),
      )
      setHeld(await readAll(vault))
      setNotice(
        t('field.sync.done', {
          applied: report.applied,
          flagged: report.flagged,
          conflicts: report.conflicts,
        }),
      )
    } catch (error) {
      if (error instanceof DeviceRevoked) {
        await panic()
        setProblem(t('error.device_revoked'))
      } else if (error instanceof QuotaError) setProblem(t('field.quota'))
      else setProblem(t('field.sync.failed', { reason: (error as Error).message }))
    } finally {
      setProgress(null)
    }
  }

  return (
    <section class="page field-app">
      <PageTitle text={t('field.title')} />
      {problem && <ErrorAlert message={problem} />}
      {notice && <StatusMessage>{notice}</StatusMessage>}
      {phase === 'setup' && <Setup onReady={opened} />}
      {phase === 'locked' && (
        <Unlock
          onOpen={(v) => {
            setNotice(null)
            return opened(v)
          }}
        />
      )}
      {phase === 'open' && held && (
        <>
          <p class="field-facts" data-testid="field-facts">
            <strong>{online ? t('field.online') : t('field.offline')}</strong>
            {' · '}
            <span data-testid="outbox-count">
              {t('field.outbox', { count: held.outbox.length })}
            </span>
          </p>
          {Math.abs(held.state.clockSkewMinutes ?? 0) > CLOCK_TOLERANCE_MINUTES && (
            <ErrorAlert
              message={t('field.clock_off', {
                minutes: Math.abs(held.state.clockSkewMinutes ?? 0),
              })}
            />
          )}
          <p class="actions">
            <button type="button" disabled={!online || progress !== null} onClick={runSync}>
              {t('field.sync')}
            </button>{' '}
            <button type="button" class="secondary" onClick={() => lock(null)}>
              {t('field.lock')}
            </button>{' '}
            <button type="button" class="danger" onClick={panic}>
              {t('field.panic')}
            </button>
          </p>
          {progress && (
            <p role="status" data-testid="sync-progress">
              {progress}
            </p>
          )}
          <p class="actions">
            {(
              [
                'distribution',
                'shelter_log',
                'case_note',
                'follow_up_done',
                'register_person',
              ] as const
            )
              .filter((k) => k !== 'register_person' || held.registerIn.length > 0)
              .map((k) => (
                <button
                  key={k}
                  type="button"
                  class={form === k ? '' : 'secondary'}
                  aria-expanded={form === k}
                  onClick={() => setForm(form === k ? null : k)}
                >
                  {t(FORM_LABELS[k])}
                </button>
              ))}
          </p>
          {form === 'register_person' ? (
            <RegisterForm
              compartments={held.compartments.filter((c) => held.registerIn.includes(c.id))}
              onSave={save}
            />
          ) : (
            form && <FieldForm kind={form} held={held} onSave={save} />
          )}
          <OutboxList outbox={held.outbox} />
          <PeopleList people={held.people} />
          <CaseList cases={held.cases} />
        </>
      )}
    </section>
  )
}

function Setup({ onReady }: { onReady: (v: Vault) => Promise<void> }): JSX.Element {
  const [name, setName] = useState('')
  const [pass, setPass] = useState('')
  const [duress, setDuress] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const submit = async (e: Event) => {
    e.preventDefault()
    if (pass.length < 10 || duress.length < 10) return setError(t('field.setup.too_short'))
    if (pass === duress) return setError(t('field.setup.same'))
    setBusy(true)
    try {
      const device = await apiPost('/field/devices', { body: { name } })
      const vault = await createVault(pass, duress)
      await vault.put('state', { deviceId: device.id } satisfies FieldState)
      await onReady(vault)
    } catch (err) {
      setError((err as Error).message)
    } finally {
      setBusy(false)
    }
  }
  return (
    <form onSubmit={submit}>
      <h2>{t('field.setup.title')}</h2>
      <p>{t('field.setup.lead')}</p>
      {error && <ErrorAlert message={error} />}
      <TextField
        id="device-name"
        autoComplete="off"
        label={t('field.setup.device_name')}
        value={name}
        onInput={setName}
        required
      />
      <TextField
        id="passphrase"
        type="password"
        label={t('field.setup.passphrase')}
        value={pass}
        onInput={setPass}
        required
        autoComplete="new-password"
      />
      <TextField
        id="duress"
        type="password"
        label={t('field.setup.duress')}
        value={duress}
        onInput={setDuress}
        required
        autoComplete="off"
      />
      <button type="submit" disabled={busy}>
        {t('field.setup.submit')}
      </button>
    </form>
  )
}

function Unlock({ onOpen }: { onOpen: (v: Vault) => Promise<void> }): JSX.Element {
  const [pass, setPass] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const submit = async (e: Event) => {
    e.preventDefault()
    setBusy(true)
    try {
      const result = await unlock(pass)
      if ('wrong' in result) setError(t('field.unlock.wrong'))
      else await onOpen(result.vault)
    } finally {
      setBusy(false)
    }
  }
  return (
    <form onSubmit={submit}>
      <h2>{t('field.unlock.title')}</h2>
      {error && <ErrorAlert message={error} />}
      <TextField
        id="unlock-passphrase"
        type="password"
        label={t('field.unlock.passphrase')}
        value={pass}
        onInput={setPass}
        required
        autoComplete="current-password"
      />
      <button type="submit" disabled={busy}>
        {t('field.unlock.submit')}
      </button>
    </form>
  )
}

function FieldForm(props: {
  kind: Exclude<FieldMutation['kind'], 'register_person'>
  held: Held
  onSave: (m: FieldMutation) => Promise<void>
}): JSX.Element {
  const { held } = props
  const [where, setWhere] = useState(held.compartments[0]?.id ?? '')
  const [shelter, setShelter] = useState(held.shelters[0]?.id ?? '')
  const [day, setDay] = useState(today())
  const [headcount, setHeadcount] = useState('1')
  const [personCode, setPersonCode] = useState('')
  const [note, setNote] = useState('')
  const [caseId, setCaseId] = useState(held.cases[0]?.id ?? '')
  const followUps = held.cases.flatMap((c) => c.followUps.map((f) => ({ ...f, kase: c })))
  const [followUp, setFollowUp] = useState(followUps[0]?.id ?? '')
  const clientId = crypto.randomUUID()
  const compartments = held.compartments.map((c) => ({ value: c.id, label: c.code }))

  const submit = (e: Event) => {
    e.preventDefault()
    const kase = held.cases.find((c) => c.id === caseId)
    const fu = followUps.find((f) => f.id === followUp)
    const m: FieldMutation | null =
      props.kind === 'distribution'
        ? {
            clientId,
            kind: 'distribution',
            data: {
              compartmentId: where,
              day,
              ...(personCode.trim()
                ? { personCode: personCode.trim() }
                : { headcount: Number(headcount) }),
            },
          }
        : props.kind === 'shelter_log'
          ? {
              clientId,
              kind: 'shelter_log',
              shelterId: shelter,
              data: { kind: 'oversight_visit', occurredOn: day, personIds: [], note },
            }
          : props.kind === 'case_note' && kase
            ? {
                clientId,
                kind: 'case_note',
                caseId: kase.id,
                baseVersion: kase.version,
                data: { kind: 'note', occurredOn: day, text: note },
              }
            : props.kind === 'follow_up_done' && fu
              ? {
                  clientId,
                  kind: 'follow_up_done',
                  followUpId: fu.id,
                  baseVersion: fu.kase.version,
                }
              : null
    if (m) void props.onSave(m)
  }

  return (
    // autocomplete off: Chromium would otherwise keep what is typed (codes, notes) in its own
    // autofill database, in the clear, beside the encrypted store.
    <form class="field-form" autocomplete="off" onSubmit={submit}>
      <h2>{t(FORM_LABELS[props.kind])}</h2>
      {props.kind === 'distribution' && (
        <SelectField
          id="f-where"
          label={t('field.form.compartment')}
          value={where}
          options={compartments}
          onChange={setWhere}
        />
      )}
      {props.kind === 'shelter_log' && (
        <SelectField
          id="f-shelter"
          label={t('field.form.shelter')}
          value={shelter}
          options={held.shelters.map((s) => ({ value: s.id, label: s.code }))}
          onChange={setShelter}
        />
      )}
      {props.kind === 'case_note' && (
        <SelectField
          id="f-case"
          label={t('field.form.case')}
          value={caseId}
          options={held.cases.map((c) => ({ value: c.id, label: `${c.code} (${c.personCode})` }))}
          onChange={setCaseId}
        />
      )}
      {props.kind === 'follow_up_done' && (
        <SelectField
          id="f-follow-up"
          label={t('field.form.follow_up')}
          value={followUp}
          options={followUps.map((f) => ({
            value: f.id,
            label: `${f.kase.code} · ${formatDate(locale.value, f.dueOn)}`,
          }))}
          onChange={setFollowUp}
        />
      )}
      {props.kind !== 'follow_up_done' && (
        <TextField
          id="f-day"
          autoComplete="off"
          type="date"
          label={t('field.form.day')}
          value={day}
          onInput={setDay}
        />
      )}
      {props.kind === 'distribution' && (
        <>
          <TextField
            id="f-headcount"
            autoComplete="off"
            label={t('field.form.headcount')}
            value={headcount}
            onInput={setHeadcount}
            inputMode="numeric"
          />
          <TextField
            id="f-person"
            autoComplete="off"
            label={t('field.form.person_code')}
            value={personCode}
            onInput={setPersonCode}
            verbatim
          />
        </>
      )}
      {(props.kind === 'shelter_log' || props.kind === 'case_note') && (
        <TextField
          id="f-note"
          autoComplete="off"
          label={t('field.form.note')}
          value={note}
          onInput={setNote}
        />
      )}
      <button type="submit">{t('field.form.save')}</button>
    </form>
  )
}

function OutboxList({ outbox }: { outbox: OutboxEntry[] }): JSX.Element | null {
  if (outbox.length === 0) return null
  return (
    <table class="table field-list" data-testid="outbox">
      <caption>{t('field.outbox', { count: outbox.length })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('field.col.kind')}</th>
          <th scope="col">{t('field.col.written')}</th>
          <th scope="col">{t('field.col.outcome')}</th>
        </tr>
      </thead>
      <tbody>
        {outbox.map((e) => (
          <tr key={e.m.clientId}>
            <th scope="row">{t(FORM_LABELS[e.m.kind])}</th>
            <td data-label={t('field.col.written')}>{formatDateTime(locale.value, e.at)}</td>
            <td data-label={t('field.col.outcome')}>
              {e.refused !== undefined ? refusalLabel(e.refused) : '—'}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function PeopleList({ people }: { people: PulledPerson[] }): JSX.Element {
  return (
    <table class="table field-list" data-testid="people">
      <caption>{t('field.people.title', { count: people.length })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('field.col.code')}</th>
          <th scope="col">{t('field.col.situation')}</th>
          <th scope="col">{t('field.col.age')}</th>
        </tr>
      </thead>
      <tbody>
        {people.slice(0, 200).map((p) => (
          <tr key={p.id}>
            <th scope="row">{p.code}</th>
            <td data-label={t('field.col.situation')}>{labelOf('situation', p.situation)}</td>
            <td data-label={t('field.col.age')}>{labelOf('age_band', p.ageBand)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function CaseList({ cases }: { cases: PulledCase[] }): JSX.Element {
  return (
    <table class="table field-list" data-testid="cases">
      <caption>{t('field.cases.title', { count: cases.length })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('field.col.code')}</th>
          <th scope="col">{t('field.col.status')}</th>
        </tr>
      </thead>
      <tbody>
        {cases.slice(0, 200).map((c) => (
          <tr key={c.id}>
            <th scope="row">{c.code}</th>
            <td data-label={t('field.col.status')}>{labelOf('case_status', c.status)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
