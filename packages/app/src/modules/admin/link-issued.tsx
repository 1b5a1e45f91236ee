import type { LinkView } from '@haven/core/admin/admin-views'
import { formatDateTime } from '@haven/core/i18n/format'
import type { JSX } from 'preact'
import { useEffect, useRef } from 'preact/hooks'
import { CopyButton } from '../../components/copy-button.js'
import { locale, t } from '../../lib/locale.js'

/** When a link stops working, in the reader's language and time zone. */
export function linkExpiry(link: LinkView): string {
  return formatDateTime(locale.value, link.expiresAt)
}

/**
 * A one-time password link, shown once to the administrator who asked for it. It takes the
 * focus so a screen reader reads what to do with it (`text` says so, with its expiry).
 */
export function LinkIssued({ link, text }: { link: LinkView; text: string }): JSX.Element {
  const box = useRef<HTMLDivElement>(null)
  useEffect(() => box.current?.focus(), [link.url])
  return (
    <div ref={box} class="callout" tabIndex={-1}>
      <p>{text}</p>
      <p class="link-line">
        <code id="issued-link" class="breakable">
          {link.url}
        </code>
      </p>
      <CopyButton text={link.url} label={t('admin.copy_link')} />
    </div>
  )
}
