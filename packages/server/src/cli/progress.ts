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
      process.stderr.write(`${label}: ${done}/${total} ${unit} (${Math.round(rate)}/s)\n`)
    },
    stop: () => {},
  }
}
