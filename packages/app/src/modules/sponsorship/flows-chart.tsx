import { formatMonth } from '@haven/core/i18n/format'
import type { JSX } from 'preact'
import { locale, t } from '../../lib/locale.js'
import { count } from './sponsorship-labels.js'

const WIDTH = 640
const HEIGHT = 220
const PAD = { top: 16, right: 16, bottom: 28, left: 36 }

/**
 * Children in the plan at each month's end, drawn as SVG by the app (no library, no inline style:
 * the CSP forbids it), with a title and description for screen readers and the same figures in
 * a table one click away.
 */
export function EnrolmentChart({
  months,
}: {
  months: readonly { month: string; enrolled: number }[]
}): JSX.Element {
  const max = Math.max(1, ...months.map((m) => m.enrolled))
  const innerW = WIDTH - PAD.left - PAD.right
  const innerH = HEIGHT - PAD.top - PAD.bottom
  const x = (i: number) => PAD.left + (months.length <= 1 ? 0 : (i / (months.length - 1)) * innerW)
  const y = (v: number) => PAD.top + innerH - (v / max) * innerH
  const points = months.map((m, i) => `${x(i)},${y(m.enrolled)}`).join(' ')
  const first = months[0]
  const last = months[months.length - 1]
  return (
    <figure class="chart">
      <figcaption id="enrolment-chart-title">{t('sponsorship.chart_title')}</figcaption>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby="enrolment-chart-title enrolment-chart-desc"
      >
        <title>{t('sponsorship.chart_title')}</title>
        <desc id="enrolment-chart-desc">
          {t('sponsorship.chart_desc', {
            first: first?.enrolled ?? 0,
            last: last?.enrolled ?? 0,
            max,
          })}
        </desc>
        <line class="axis" x1={PAD.left} x2={WIDTH - PAD.right} y1={y(0)} y2={y(0)} />
        <line class="axis" x1={PAD.left} x2={PAD.left} y1={PAD.top} y2={y(0)} />
        <text class="tick" x={4} y={y(max) + 4}>
          {count(max)}
        </text>
        <text class="tick" x={4} y={y(0)}>
          0
        </text>
        <polyline class="line" points={points} />
        {months.map((m, i) => (
          <circle key={m.month} class="point" cx={x(i)} cy={y(m.enrolled)} r={3} />
        ))}
        {first && (
          <text class="tick" x={PAD.left} y={HEIGHT - 8}>
            {formatMonth(locale.value, first.month)}
          </text>
        )}
        {last && last !== first && (
          <text class="tick tick-end" x={WIDTH - PAD.right} y={HEIGHT - 8}>
            {formatMonth(locale.value, last.month)}
          </text>
        )}
      </svg>
      <details>
        <summary>{t('sponsorship.chart_table')}</summary>
        <table class="table">
          <thead>
            <tr>
              <th scope="col">{t('sponsorship.month')}</th>
              <th scope="col">{t('sponsorship.in_plan')}</th>
            </tr>
          </thead>
          <tbody>
            {months.map((m) => (
              <tr key={m.month}>
                <td>{formatMonth(locale.value, m.month)}</td>
                <td class="number">{count(m.enrolled)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  )
}
