import type { JSX } from 'preact'
import { useState } from 'preact/hooks'
import { t } from '../../lib/locale.js'
import { passkeysSupported } from '../../lib/passkeys.js'
import { PasskeyAddForm } from '../account/passkey-add-form.js'
import { RecoveryCodesShown } from '../account/recovery-codes-shown.js'
import { TotpSetup } from '../account/totp-setup.js'

type Choice = 'choose' | 'passkey' | 'totp' | { codes: string[] }

/**
 * Administrators, and roles that may see identifying data, need a second factor before anything
 * else: the person
 * sets up a passkey or an authenticator app right here, and the server then completes the sign-in.
 */
export function EnrolStep({
  onDone,
  onStartOver,
}: {
  onDone: () => void
  onStartOver: () => void
}): JSX.Element {
  const [choice, setChoice] = useState<Choice>('choose')
  const canPasskey = passkeysSupported()

  if (typeof choice === 'object') {
    return (
      <RecoveryCodesShown
        codes={choice.codes}
        intro={t('account.totp_enabled')}
        onDone={onDone}
        doneLabel={t('common.continue')}
        headingLevel={2}
      />
    )
  }
  return (
    <>
      <p>{t('auth.enroll_intro')}</p>
      {choice === 'choose' && (
        <div class="choices">
          {canPasskey && (
            <button
              type="button"
              class="choice"
              aria-labelledby="choice-passkey choice-passkey-about"
              onClick={() => setChoice('passkey')}
            >
              <span class="choice-title" id="choice-passkey">
                {t('auth.enroll_passkey')}
              </span>{' '}
              <span class="choice-about" id="choice-passkey-about">
                {t('auth.enroll_passkey_about')}
              </span>
            </button>
          )}
          <button
            type="button"
            class="choice"
            aria-labelledby="choice-totp choice-totp-about"
            onClick={() => setChoice('totp')}
          >
            <span class="choice-title" id="choice-totp">
              {t('auth.enroll_totp')}
            </span>{' '}
            <span class="choice-about" id="choice-totp-about">
              {t('auth.enroll_totp_about')}
            </span>
          </button>
        </div>
      )}
      {choice === 'passkey' && (
        <section aria-labelledby="enrol-passkey">
          <h2 id="enrol-passkey">{t('auth.enroll_passkey')}</h2>
          <PasskeyAddForm onAdded={onDone} onCancel={() => setChoice('choose')} />
        </section>
      )}
      {choice === 'totp' && (
        <section aria-labelledby="enrol-totp">
          <h2 id="enrol-totp">{t('auth.enroll_totp')}</h2>
          <TotpSetup
            onConfirmed={(codes) => setChoice({ codes })}
            onCancel={() => setChoice('choose')}
          />
        </section>
      )}
      <p class="start-over">
        <button type="button" class="link-button" onClick={onStartOver}>
          {t('auth.start_over')}
        </button>
      </p>
    </>
  )
}
