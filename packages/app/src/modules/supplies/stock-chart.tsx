import { referenceName } from '@haven/core/supplies/reference-name'
import type { JSX } from 'preact'
import { Problem, useLoad } from '../../components/load-state.js'
import { locale, t } from '../../lib/locale.js'
import { apiGet } from '../../lib/typed-api.js'
import { BarChart } from './bar-chart.js'
import { quantityText, unitName } from './quantity-text.js'

/** Stock per item and location: one small chart per item, since kilograms and kits do not add. */
export function StockChart(): JSX.Element | null {
  const [overview] = useLoad(() => apiGet('/supplies'), 'supplies')
  if (overview.state === 'failed') return <Problem error={overview.error} />
  if (overview.state !== 'ready') return null
  const { items, locations, stock } = overview.data
  const place = (id: string) => {
    const l = locations.find((x) => x.id === id)
    return l ? (l.compartmentCode ?? referenceName(locale.value, l)) : id
  }
  const held = items.filter((i) => stock.some((s) => s.itemId === i.id))
  return (
    <section aria-labelledby="stock-title">
      <h2 id="stock-title">{t('dash.chart_stock')}</h2>
      {held.length === 0 && <p class="muted">{t('dash.no_stock')}</p>}
      <div class="charts">
        {held.map((item) => {
          const rows = stock.filter((s) => s.itemId === item.id)
          return (
            <BarChart
              key={item.id}
              id={`stock-${item.id}`}
              title={`${referenceName(locale.value, item)} (${unitName(item.unit)})`}
              description={rows
                .map((r) => `${place(r.locationId)}: ${quantityText(r.quantity, item.unit)}`)
                .join(', ')}
              bars={rows.map((r) => ({ label: place(r.locationId), value: r.quantity }))}
              tableLabel={t('dash.table')}
            >
              <table class="table">
                <thead>
                  <tr>
                    <th scope="col">{t('dash.location')}</th>
                    <th scope="col">{t('dash.quantity')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={r.locationId}>
                      <th scope="row">{place(r.locationId)}</th>
                      <td>{quantityText(r.quantity, item.unit)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </BarChart>
          )
        })}
      </div>
    </section>
  )
}
