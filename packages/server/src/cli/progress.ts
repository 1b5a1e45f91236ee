import cliProgress from 'cli-progress'

export interface Progress {
  update(done: number): void
  stop(): void
}

/**
 * A progress bar with rate and ETA on a terminal; on a pipe (CI, logs) a line every few seconds
 * instead, so long work is visible without flooding a log file.
 */
export function progressBar(label: string, total: number, unit = 'items'): Progress {
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        format: `${label} [{bar}] {percentage}% {value}/{total} ${unit} · {rate}/s · ETA {eta_formatted}`,
        stream: process.stderr,
        hideCursor: true,
      },
      cliProgress.Presets.shades_classic,
    )
    const started = Date.now()
    bar.start(total, 0, { rate: '0' })
    return {
      update: (done) =>
        bar.update(done, {
          rate: Math.round(done / Math.max(0.001, (Date.now() - started) / 1000)).toString(),
        }),
      stop: () => bar.stop(),
    }
  }
  let last = 0
  const started = Date.now()
  return {
    update: (done) => {
      if (Date.now() - last < 5000) return
      last = Date.now()
      const rate = done / Math.max(0.001, (Date.now() - started) / 1000)
      const percent = total > 0 ? Math.floor((done / total) * 100) : 100
      process.stderr.write(
        `${label}: ${percent}% ${done}/${total} ${unit} · ${Math.round(rate)}/s · ETA ${eta(rate > 0 ? (total - done) / rate : Number.NaN)}\n`,
      )
    },
    stop: () => {},
  }
}

/** Seconds left as 1h02m, 4m05s or 12s; "?" before there is a rate to go by. */
export function eta(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '?'
  const s = Math.round(seconds)
  const h = Math.floor(s / 3600)
  const m = Math.floor((s % 3600) / 60)
  const pad = (n: number) => String(n).padStart(2, '0')
  if (h > 0) return `${h}h${pad(m)}m`
  if (m > 0) return `${m}m${pad(s % 60)}s`
  return `${s}s`
}
