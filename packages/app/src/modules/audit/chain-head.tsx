import type { JSX } from 'preact'
import { CopyButton } from '../../components/copy-button.js'
import { t } from '../../lib/locale.js'

export interface ChainHeadView {
  count: number
  hash: string
}

/**
 * The newest link of the hash chain as a checkpoint (`count:hash`, the form `haven audit verify`
 * takes). An auditor copies it somewhere the server cannot reach; a later verification proves
 * that nothing up to it was edited, deleted or cut off.
 */
export function ChainHead({ head }: { head: ChainHeadView }): JSX.Element {
  const checkpoint = `${head.count}:${head.hash}`
  return (
    <section class="card" aria-labelledby="chain-head-title">
      <h2 id="chain-head-title">{t('audit.head_title')}</h2>
      <p>{t('audit.head_intro')}</p>
      <p>
        <code id="chain-head" class="breakable">
          {checkpoint}
        </code>
      </p>
      <p class="muted">
        {t('audit.head', { count: head.count, hash: `${head.hash.slice(0, 12)}…` })}
      </p>
      <CopyButton text={checkpoint} label={t('audit.copy_checkpoint')} />
    </section>
  )
}
