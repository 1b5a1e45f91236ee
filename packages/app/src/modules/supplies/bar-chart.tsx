import type { ComponentChildren, JSX } from 'preact'

export interface Bar {
  label: string
  value: number
  /** Drawn in the warning colour (a day at the cap, a month over budget). */
  flagged?: boolean
}

interface BarChartProps {
  id: string
  title: string
  /** What the chart shows, in words, for people who cannot see it. */
  description: string
  bars: readonly Bar[]
  /** A horizontal line (the daily cap, the monthly budget). */
  line?: number | undefined
  lineLabel?: string | undefined
  /** The figures as a table, behind a disclosure. */
  tableLabel: string
  children: ComponentChildren
}

const WIDTH = 640
const HEIGHT = 200
const PAD = { top: 12, right: 8, bottom: 24, left: 8 }

/**
 * A bar chart drawn as SVG by the app itself: no chart library, no inline style (the CSP forbids
 * it; colours come from classes), a title and description for screen readers, and the same
 * figures in a table one click away.
 */
export function BarChart(props: BarChartProps): JSX.Element {
  const max = Math.max(1, props.line ?? 0, ...props.bars.map((b) => b.value)) * 1.08
  const innerW = WIDTH - PAD.left - PAD.right
  const innerH = HEIGHT - PAD.top - PAD.bottom
  const step = innerW / Math.max(1, props.bars.length)
  // A few bars stay bars, not walls: at most 48 units wide.
  const barWidth = Math.max(1, Math.min(48, step * 0.76))
  const y = (v: number) => PAD.top + innerH - (v / max) * innerH
  const first = props.bars[0]
  const last = props.bars[props.bars.length - 1]
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
        {props.bars.map((b, i) => (
          <rect
            key={b.label}
            class={b.flagged ? 'bar bar-flagged' : 'bar'}
            x={PAD.left + i * step + (step - barWidth) / 2}
            width={barWidth}
            y={y(b.value)}
            height={Math.max(0, y(0) - y(b.value))}
          />
        ))}
        {props.line !== undefined && (
          <line
            class="cap-line"
            x1={PAD.left}
            x2={WIDTH - PAD.right}
            y1={y(props.line)}
            y2={y(props.line)}
          />
        )}
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
      {props.lineLabel && (
        <p class="chart-legend">
          <span class="legend-bar" aria-hidden="true" /> {props.lineLabel}
        </p>
      )}
      <details>
        <summary>{props.tableLabel}</summary>
        <div class="table-scroll">{props.children}</div>
      </details>
    </figure>
  )
}
