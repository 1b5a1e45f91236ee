import { formatDateTime, formatNumber } from '@haven/core/i18n/format'
import {
  type DisclosureSettingsView,
  updateDisclosureSettingsSchema,
} from '@haven/core/report/disclosure-settings'
import type { JSX } from 'preact'
import { useRef, useState } from 'preact/hooks'
import { Loading, Problem, useLoad } from '../../components/load-state.js'
import { ErrorAlert, StatusMessage } from '../../components/messages.js'
import { PageTitle } from '../../components/page-title.js'
import { TextField } from '../../components/text-field.js'
import { checkFields, type FieldErrors, focusFirstInvalid, useSubmission } from '../../lib/forms.js'
import { locale, t } from '../../lib/locale.js'
import { activeSession } from '../../lib/session.js'
import { apiGet, apiPost, apiPut } from '../../lib/typed-api.js'
import './report.css'

const PROTECTED = 'thresholds.people-protected'
const SERVED = 'thresholds.people-served'

/** The numbers never to publish as typed: whole numbers between spaces or commas, or what is not one. */
export function parseNumberList(
  text: string,
): { ok: true; numbers: number[] } | { ok: false; bad: string } {
  const parts = text.split(/[\s,、，]+/).filter((p) => p !== '')
  const bad = parts.find((p) => !/^\d{1,10}$/.test(p))
  return bad === undefined ? { ok: true, numbers: parts.map(Number) } : { ok: false, bad }
}

const asNumber = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : text)

/** The administrator's form: k per kind of count, the rounding base, the numbers never shown. */
function PolicyForm({
  policy,
  onSaved,
}: {
  policy: DisclosureSettingsView
  onSaved: () => void
}): JSX.Element {
  const [protectedK, setProtectedK] = useState(String(policy.thresholds['people-protected']))
  const [servedK, setServedK] = useState(String(policy.thresholds['people-served']))
  const [rounding, setRounding] = useState(
    policy.roundingBase === null ? '' : String(policy.roundingBase),
  )
  const [numbers, setNumbers] = useState(policy.dangerousNumbers.join(', '))
  const submission = useSubmission()
  const element = useRef<HTMLFormElement>(null)
  return (
    <form
      ref={element}
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        const list = parseNumberList(numbers)
        const checked = checkFields(updateDisclosureSettingsSchema, {
          version: policy.version,
          thresholds: {
            'people-protected': asNumber(protectedK),
            'people-served': asNumber(servedK),
          },
          roundingBase: rounding.trim() === '' ? null : asNumber(rounding),
          dangerousNumbers: list.ok ? list.numbers : [],
        })
        const errors: FieldErrors = checked.ok ? {} : { ...checked.errors }
        if (!list.ok)
          errors.dangerousNumbers = t('report.policy_numbers_invalid', { text: list.bad })
        if (!checked.ok || !list.ok) {
          submission.setFields(errors)
          focusFirstInvalid(element.current)
          return
        }
        void submission.run(async () => {
          await apiPut('/report/disclosure-policy', { body: checked.value })
          onSaved()
        })
      }}
    >
      <ErrorAlert message={submission.error} />
      <TextField
        id={PROTECTED}
        label={t('report.policy_threshold_protected')}
        hint={t('report.policy_threshold_protected_hint')}
        value={protectedK}
        onInput={setProtectedK}
        error={submission.fields[PROTECTED]}
        inputMode="numeric"
        autoComplete="off"
        required
      />
      <TextField
        id={SERVED}
        label={t('report.policy_threshold_served')}
        hint={t('report.policy_threshold_served_hint')}
        value={servedK}
        onInput={setServedK}
        error={submission.fields[SERVED]}
        inputMode="numeric"
        autoComplete="off"
        required
      />
      <TextField
        id="roundingBase"
        label={t('report.policy_rounding')}
        hint={t('report.policy_rounding_hint')}
        value={rounding}
        onInput={setRounding}
        error={submission.fields.roundingBase}
        inputMode="numeric"
        autoComplete="off"
      />
      <TextField
        id="dangerousNumbers"
        label={t('report.policy_numbers')}
        hint={t('report.policy_numbers_hint')}
        value={numbers}
        onInput={setNumbers}
        error={submission.fields.dangerousNumbers}
        autoComplete="off"
      />
      <button type="submit" class="primary" disabled={submission.busy}>
        {t('report.policy_save')}
      </button>
    </form>
  )
}

/** The policy as it stands, for editors who apply it (and administrators before they edit). */
function PolicyFacts({ policy }: { policy: DisclosureSettingsView }): JSX.Element {
  return (
    <dl class="report-policy">
      <dt>{t('report.policy_threshold_protected')}</dt>
      <dd>{formatNumber(locale.value, policy.thresholds['people-protected'])}</dd>
      <dt>{t('report.policy_threshold_served')}</dt>
      <dd>{formatNumber(locale.value, policy.thresholds['people-served'])}</dd>
      <dt>{t('report.policy_rounding')}</dt>
      <dd>
        {policy.roundingBase === null
          ? t('report.policy_rounding_none')
          : formatNumber(locale.value, policy.roundingBase)}
      </dd>
      <dt>{t('report.policy_numbers')}</dt>
      <dd>
        {policy.dangerousNumbers.length === 0
          ? t('report.policy_numbers_none')
          : policy.dangerousNumbers.map((n) => formatNumber(locale.value, n)).join(', ')}
      </dd>
    </dl>
  )
}

/** Replaces the rounding secret (administrators; audited by the server). */
function RotateSecret({ onDone }: { onDone: () => void }): JSX.Element {
  const submission = useSubmission()
  return (
    <div>
      <ErrorAlert message={submission.error} />
      <button
        type="button"
        disabled={submission.busy}
        onClick={() =>
          void submission.run(async () => {
            await apiPost('/report/disclosure-policy/rotate-secret')
            onDone()
          })
        }
      >
        {t('report.policy_rotate')}
      </button>
    </div>
  )
}

/** `/app/disclosure-policy`: administrators change it; editors read what their reports apply. */
export function DisclosurePolicyPage(): JSX.Element {
  const [round, setRound] = useState(0)
  const [said, setSaid] = useState<string | null>(null)
  const [policy] = useLoad(() => apiGet('/report/disclosure-policy'), `policy:${round}`)
  const mayEdit = activeSession.value?.can.disclosurePolicyEdit === true
  const reload = (text: string) => {
    setSaid(text)
    setRound((r) => r + 1)
  }
  return (
    <div class="page">
      <PageTitle text={t('report.policy_title')} />
      <p class="callout">{t('report.policy_intro')}</p>
      <StatusMessage>{said}</StatusMessage>
      {policy.state === 'loading' ? (
        <Loading />
      ) : policy.state === 'failed' ? (
        <Problem error={policy.error} />
      ) : (
        <>
          <section class="card" aria-labelledby="policy-rules-title">
            <h2 id="policy-rules-title">{t('report.policy_title')}</h2>
            <p>
              {policy.data.updatedAt === null
                ? t('report.policy_defaults')
                : t('report.policy_version', {
                    version: policy.data.version,
                    at: formatDateTime(locale.value, policy.data.updatedAt),
                  })}
            </p>
            {mayEdit ? (
              <PolicyForm
                key={policy.data.version}
                policy={policy.data}
                onSaved={() => reload(t('report.policy_saved'))}
              />
            ) : (
              <>
                <PolicyFacts policy={policy.data} />
                <p class="hint">{t('report.policy_read_only')}</p>
              </>
            )}
          </section>
          <section class="card" aria-labelledby="policy-secret-title">
            <h2 id="policy-secret-title">{t('report.policy_secret')}</h2>
            <p>
              {t('report.policy_secret_value', {
                version: policy.data.roundingSecret.version,
                fingerprint: policy.data.roundingSecret.fingerprint,
                at: formatDateTime(locale.value, policy.data.roundingSecret.createdAt),
              })}
            </p>
            <p class="hint">{t('report.policy_secret_hint')}</p>
            {mayEdit && <RotateSecret onDone={() => reload(t('report.policy_rotated'))} />}
          </section>
        </>
      )}
    </div>
  )
}
