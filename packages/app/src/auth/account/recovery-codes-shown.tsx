import type { JSX } from 'preact'
import { useEffect, useRef } from 'preact/hooks'
import { CopyButton } from '../../components/copy-button.js'
import { t } from '../../lib/locale.js'

/**
 * New recovery codes, shown this once. The block takes the focus so a screen reader reads the
 * instruction first; the person leaves it with an explicit "I have saved them".
 */
export function RecoveryCodesShown({
  codes,
  intro,
  onDone,
  doneLabel,
  headingLevel = 3,
}: {
  codes: readonly string[]
  /** Where the block sits in the page's outline. */
  headingLevel?: 2 | 3
  intro?: string
  onDone: () => void
  doneLabel?: string
}): JSX.Element {
  const box = useRef<HTMLElement>(null)
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  useEffect(() => box.current?.focus(), [])
  return (
    <section ref={box} class="codes-box" tabIndex={-1} aria-labelledby="recovery-codes-title">
      <Heading id="recovery-codes-title">{t('account.recovery_new_title')}</Heading>
      {intro && <p>{intro}</p>}
      <p class="important">{t('account.recovery_show')}</p>
      <ol class="codes" id="recovery-codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <div class="actions">
        <CopyButton text={codes.join('\n')} label={t('account.recovery_copy')} />
        <button type="button" class="primary" onClick={onDone}>
          {doneLabel ?? t('account.recovery_saved')}
        </button>
      </div>
    </section>
  )
}
