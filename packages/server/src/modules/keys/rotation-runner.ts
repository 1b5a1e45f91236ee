import type { AppContext } from '../../app-context.js'
import { KeyOperationError } from '../../crypto/crypto-errors.js'
import { resumeRotation } from '../../crypto/key-rotation.js'

/** Jobs this server instance is running, per context (so two test servers never share it). */
const running = new WeakMap<AppContext, Map<string, Promise<unknown>>>()

/**
 * Runs a rotation job in the background of this server (the app polls its status). A job this
 * instance already runs is left alone; one another instance runs refuses to be taken over while
 * its heartbeat is fresh (runRotation checks), and is resumed once it is stale.
 */
export function runInBackground(app: AppContext, jobId: string): Promise<unknown> {
  const jobs = running.get(app) ?? new Map<string, Promise<unknown>>()
  running.set(app, jobs)
  const existing = jobs.get(jobId)
  if (existing) return existing
  const run = resumeRotation(app, jobId)
    .catch((error: unknown) => {
      // The job row already holds the reason; a busy job is simply someone else's to finish.
      if (!(error instanceof KeyOperationError && error.code === 'rotation_running'))
        app.logger.warn(
          { jobId, err: { name: error instanceof Error ? error.name : 'Error' } },
          'key rotation stopped',
        )
    })
    .finally(() => jobs.delete(jobId))
  jobs.set(jobId, run)
  return run
}

/** Waits for this instance's background rotations (tests, and a graceful shutdown). */
export async function backgroundRotations(app: AppContext): Promise<void> {
  await Promise.all([...(running.get(app)?.values() ?? [])])
}
