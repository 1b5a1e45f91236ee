import type { JSX } from 'preact'

interface BudgetChartProps {
  id: string
  title: string
  description: string
  /** One group per month: the budget and what was spent, in the same unit. */
  months: readonly { label: string; budget: number; actual: number }[]
}

const WIDTH = 640
const HEIGHT = 200
const PAD = { top: 12, right: 8, bottom: 24, left: 8 }

/**
 * Budget and actual side by side per month, drawn as SVG by the app (no chart library, no inline
 * style: colours come from classes), named and described for screen readers; the page shows the
 * same figures as a table.
 */
export function BudgetChart(props: BudgetChartProps): JSX.Element {
  const max = Math.max(1, ...props.months.flatMap((m) => [m.budget, m.actual])) * 1.08
  const innerW = WIDTH - PAD.left - PAD.right
  const innerH = HEIGHT - PAD.top - PAD.bottom
  const step = innerW / Math.max(1, props.months.length)
  const bar = Math.max(1, Math.min(22, step * 0.38))
  const y = (v: number) => PAD.top + innerH - (Math.max(0, v) / max) * innerH
  const first = props.months[0]
  const last = props.months[props.months.length - 1]
  return (
    <figure class="chart">
      <figcaption id={`${props.id}-title`}>{props.title}</figcaption>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby={`${props.id}-title ${props.id}-desc`}
        preserveAspectRatio="none"
      >
        <title>{props.title}</title>
        <desc id={`${props.id}-desc`}>{props.description}</desc>
        <line class="axis" x1={PAD.left} x2={WIDTH - PAD.right} y1={y(0)} y2={y(0)} />
        {props.months.map((m, i) => {
          const x = PAD.left + i * step + step / 2
          return (
            <g key={m.label}>
              <rect
                class="bar bar-budget"
                x={x - bar}
                width={bar}
                y={y(m.budget)}
                height={y(0) - y(m.budget)}
              />
              <rect
                class={m.actual > m.budget ? 'bar bar-flagged' : 'bar'}
                x={x}
                width={bar}
                y={y(m.actual)}
                height={y(0) - y(m.actual)}
              />
            </g>
          )
        })}
        {first && (
          <text class="tick" x={PAD.left} y={HEIGHT - 6}>
            {first.label}
          </text>
        )}
        {last && last !== first && (
          <text class="tick tick-end" x={WIDTH - PAD.right} y={HEIGHT - 6}>
            {last.label}
          </text>
        )}
      </svg>
    </figure>
  )
}
