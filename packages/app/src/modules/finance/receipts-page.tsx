import type { JSX } from 'preact'
import { useLocation } from 'preact-iso'
import { Loading, Problem, useLoad } from '../../components/load-state.js'
import { PageTitle } from '../../components/page-title.js'
import { t } from '../../lib/locale.js'
import { apiGet } from '../../lib/typed-api.js'
import { amount, dayText, financeHref } from './finance-format.js'
import { currentFiscalYear } from './fiscal-start.js'
import { YearSelect } from './year-select.js'

const PAGE_SIZE = 50

/**
 * A fiscal year's donation receipts in number order (no gaps), each to download again as PDF.
 * Receipts are issued from the donation in the journal, where the money is.
 */
export function ReceiptsPage(): JSX.Element {
  const { query, route } = useLocation()
  const year = Number(query.fy) || currentFiscalYear()
  const page = Math.max(1, Number(query.page) || 1)
  const hrefOf = (fy: number, p: number) => financeHref('/app/finance/receipts', { fy, page: p })
  const [receipts] = useLoad(
    () =>
      apiGet('/finance/receipts', {
        query: { fiscalYear: year, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE },
      }),
    `${year}-${page}`,
  )
  return (
    <div class="page">
      <PageTitle text={t('fin.receipts')} />
      <div class="card stack">
        <p>
          <a href={`/app/finance?fy=${year}`}>{t('fin.title')}</a>
        </p>
        <YearSelect id="receipts-year" year={year} onChange={(y) => route(hrefOf(y, 1))} />
        <p>
          <a class="button" href={financeHref('/app/finance/journal', { fy: year, kind: '' })}>
            {t('fin.issue_from_journal')}
          </a>
        </p>
        {receipts.state === 'loading' && <Loading />}
        {receipts.state === 'failed' && <Problem error={receipts.error} />}
        {receipts.state === 'ready' &&
          (() => {
            const { total, items } = receipts.data
            const pages = Math.max(1, Math.ceil(total / PAGE_SIZE))
            return (
              <>
                <p class="hint">{t('fin.receipts_count', { count: total })}</p>
                {items.some((r) => r.donorName === 'withheld') && (
                  <p class="hint">{t('fin.donor_name_withheld_hint')}</p>
                )}
                {items.length > 0 && (
                  <div class="table-scroll">
                    <table class="table">
                      <thead>
                        <tr>
                          <th scope="col">{t('receipt.number')}</th>
                          <th scope="col">{t('receipt.received_on')}</th>
                          <th scope="col">{t('fin.donor_code')}</th>
                          <th scope="col">{t('fin.donor_name_head')}</th>
                          <th scope="col">{t('receipt.amount')}</th>
                          <th scope="col">{t('fin.receipt_language')}</th>
                          <th scope="col">{t('fin.next_action')}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {items.map((r) => (
                          <tr key={r.id}>
                            <th scope="row">{r.number}</th>
                            <td data-label={t('receipt.received_on')}>{dayText(r.receivedOn)}</td>
                            <td data-label={t('fin.donor_code')}>{r.donorCode}</td>
                            <td data-label={t('fin.donor_name_head')}>
                              {r.donorName === 'none' ? '—' : t(`fin.donor_name_${r.donorName}`)}
                            </td>
                            <td data-label={t('receipt.amount')}>{amount(r.amount, r.currency)}</td>
                            <td data-label={t('fin.receipt_language')}>
                              {r.locale === 'ja' ? '日本語' : 'English'}
                            </td>
                            <td data-label={t('fin.next_action')}>
                              <a href={`/api/v1/finance/receipts/${r.id}/pdf`} download>
                                {t('fin.download_pdf')}
                              </a>
                            </td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                )}
                {pages > 1 && (
                  <nav class="actions" aria-label={t('fin.pages')}>
                    {page > 1 && <a href={hrefOf(year, page - 1)}>{t('fin.previous')}</a>}
                    <span>{t('fin.page_of', { page, pages })}</span>
                    {page < pages && <a href={hrefOf(year, page + 1)}>{t('fin.next')}</a>}
                  </nav>
                )}
              </>
            )
          })()}
      </div>
    </div>
  )
}
