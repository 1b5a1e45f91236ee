import cliProgress from 'cli-progress'

export interface Progress {
  /** `already`: how many of `done` were there before this run; they do not count in the rate. */
  update(done: number, already?: number): void
  stop(): void
}

/**
 * A progress bar with rate and ETA on a terminal; on a pipe (CI, logs) a line every few seconds
 * instead, so long work is visible without flooding a log file. The rate counts only what this
 * run did, so a resumed run does not claim the earlier run's work.
 */
export function progressBar(label: string, total: number, unit = 'items'): Progress {
  const started = Date.now()
  const measure = (done: number, already: number) => {
    const rate = (done - already) / Math.max(0.001, (Date.now() - started) / 1000)
    return { rate: Math.round(rate), eta: eta(rate > 0 ? (total - done) / rate : Number.NaN) }
  }
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        format: `${label} [{bar}] {percentage}% {value}/{total} ${unit} · {rate}/s · ETA {left}`,
        stream: process.stderr,
        hideCursor: true,
      },
      cliProgress.Presets.shades_classic,
    )
    bar.start(total, 0, { rate: 0, left: '?' })
    return {
      update: (done, already = 0) => {
        const { rate, eta: left } = measure(done, already)
        bar.update(done, { rate, left })
      },
      stop: () => bar.stop(),
    }
  }
  let last = 0
  return {
    update: (done, already = 0) => {
      if (Date.now() - last < 5000 && done < total) return
      last = Date.now()
      const { rate, eta: left } = measure(done, already)
      const percent = total > 0 ? Math.floor((done / total) * 100) : 100
      process.stderr.write(
        `${label}: ${percent}% ${done}/${total} ${unit} · ${rate}/s · ETA ${left}\n`,
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
