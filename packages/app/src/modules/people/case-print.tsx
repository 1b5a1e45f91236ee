import { formatCoarseDate, formatNumber } from '@haven/core/i18n/format'
import type { CaseView, RevealedIdentityView } from '@haven/core/people/people-views'
import type { JSX } from 'preact'
import { useEffect, useState } from 'preact/hooks'
import { ErrorAlert } from '../../components/messages.js'
import { OnDemand } from '../../components/on-demand.js'
import { useSubmission } from '../../lib/forms.js'
import { locale, t } from '../../lib/locale.js'
import { apiPost } from '../../lib/typed-api.js'

type Shown = Extract<RevealedIdentityView, { state: 'shown' }>['identity']

function birthText(identity: Shown): string {
  const birth = identity.birth
  if (!birth) return t('people.not_given')
  if (birth.precision === 'approximate_age')
    return `${t('people.approximate_age')}: ${birth.approximateAge === null || birth.approximateAge === undefined ? '' : formatNumber(locale.value, birth.approximateAge)}`
  return birth.date ? formatCoarseDate(locale.value, birth.date) : t('people.not_given')
}

/** The identity as the printed summary carries it: names, birth, sex, origin (no phones, no notes). */
function PrintedIdentity(props: { view: RevealedIdentityView; hide: () => void }): JSX.Element {
  const { view } = props
  return (
    <section class="record-section print-identity" aria-labelledby="print-identity-title">
      <h2 id="print-identity-title">{t('cases.printed_identity')}</h2>
      {view.state === 'destroyed' ? (
        <p class="muted">{t('people.identity_destroyed')}</p>
      ) : (
        <dl class="record">
          <dt>{t('people.names')}</dt>
          <dd>
            {view.identity.names.length === 0
              ? t('people.no_names')
              : view.identity.names.map((n) => (
                  <span key={n.script} class="name-line">
                    {t(`script.${n.script}`)}: <span class="breakable">{n.value}</span>
                  </span>
                ))}
          </dd>
          <dt>{t('people.birth')}</dt>
          <dd>{birthText(view.identity)}</dd>
          <dt>{t('people.sex')}</dt>
          <dd>{view.identity.sex ? t(`sex.${view.identity.sex}`) : t('people.not_given')}</dd>
          <dt>{t('people.origin')}</dt>
          <dd class="breakable">{view.identity.placeOfOrigin ?? t('people.not_given')}</dd>
        </dl>
      )}
      <div class="actions">
        <button type="button" class="secondary" onClick={props.hide}>
          {t('people.hide')}
        </button>
      </div>
    </section>
  )
}

/**
 * "Print a summary", opened on demand. Those who may identify choose whether the paper carries the
 * person's identity; fetching it for the print is its own audited request, and the page shows what
 * will be printed (with Hide) rather than printing anything unseen.
 */
export function CasePrint({ kase }: { kase: CaseView }): JSX.Element {
  const mayIdentify = kase.actions.includes('identify')
  const [withIdentity, setWithIdentity] = useState(false)
  const [identity, setIdentity] = useState<RevealedIdentityView | null>(null)
  const [printing, setPrinting] = useState(false)
  const submission = useSubmission()
  // Print once the identity is on the page, not before.
  useEffect(() => {
    if (!printing) return
    setPrinting(false)
    window.print()
  }, [printing])
  return (
    <>
      <OnDemand label={t('cases.print')}>
        {() => (
          <form
            class="stack"
            noValidate
            aria-label={t('cases.print')}
            onSubmit={(event) => {
              event.preventDefault()
              if (!(mayIdentify && withIdentity)) {
                setIdentity(null)
                setPrinting(true)
                return
              }
              void submission.run(async () => {
                setIdentity(await apiPost('/cases/{id}/print-identity', { path: { id: kase.id } }))
                setPrinting(true)
              })
            }}
          >
            {mayIdentify && (
              <div class="field">
                <label class="checkbox">
                  <input
                    type="checkbox"
                    checked={withIdentity}
                    aria-describedby="print-identity-note"
                    onChange={(e) => setWithIdentity((e.currentTarget as HTMLInputElement).checked)}
                  />{' '}
                  {t('cases.print_with_identity')}
                </label>
                <span class="hint" id="print-identity-note">
                  {t('cases.print_identity_note')}
                </span>
              </div>
            )}
            <ErrorAlert message={submission.error} />
            <div class="actions">
              <button
                type="submit"
                class="primary"
                disabled={submission.busy}
                aria-busy={submission.busy}
              >
                {t('cases.print_now')}
              </button>
            </div>
          </form>
        )}
      </OnDemand>
      {identity && <PrintedIdentity view={identity} hide={() => setIdentity(null)} />}
    </>
  )
}
