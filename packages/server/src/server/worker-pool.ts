import cluster, { type Worker } from 'node:cluster'
import type { Logger } from 'pino'

/**
 * `haven serve --workers N`: the primary process holds the listening sockets and hands each new
 * connection to one of N worker processes (Node's cluster, round robin). Workers share nothing in
 * memory: sessions, guess throttling, the daily caps and key caches live in the database, as they
 * already must for two servers on one PostgreSQL. The primary answers no request itself.
 */

/** What a worker sends the primary once every listener of it accepts connections. */
export interface ListeningMessage {
  type: 'haven:listening'
  /** Port of each listener, by name (combined, public, staff). */
  ports: Record<string, number>
}

/** Whether a message between the primary and a worker is an object of this `type`. */
export function hasMessageType(message: unknown, type: string): message is { type: string } {
  return (
    typeof message === 'object' && message !== null && (message as { type?: unknown }).type === type
  )
}

export function isListeningMessage(message: unknown): message is ListeningMessage {
  return (
    hasMessageType(message, 'haven:listening') &&
    typeof (message as { ports?: unknown }).ports === 'object'
  )
}

export interface WorkerPool {
  /** Port of each listener, by name: every worker answers on the same ones. */
  readonly ports: Record<string, number>
  /** Worker processes now serving. */
  readonly size: () => number
  /**
   * Replaces every worker, one at a time: the new one listens before the old one stops taking
   * connections and finishes the requests it holds, so the pool never answers with fewer workers
   * than it has. Picks up a new build on disk (workers start the `haven` command afresh).
   */
  restart(): Promise<void>
  /** Stops every worker, each letting its requests in flight finish (SHUTDOWN_GRACE_MS). */
  stop(): Promise<void>
  /** Sends a message to every worker, starting or serving. */
  broadcast(message: object): void
}

export interface WorkerPoolOptions {
  count: number
  logger: Logger
  /** The workers' own shutdown grace; a worker still running this long after it is asked is killed. */
  graceMs: number
  /** Called with every message a worker sends other than its "listening". */
  onMessage?: (worker: Worker, message: unknown) => void
}

/** A worker that lived less than this before it died is restarted after a pause, not at once. */
const CRASH_LOOP_MS = 10_000

/** Starts `count` workers and resolves when all listen; rejects (stopping any) if one cannot. */
export async function startWorkerPool({
  count,
  logger,
  graceMs,
  onMessage: onOtherMessage,
}: WorkerPoolOptions): Promise<WorkerPool> {
  let ports: Record<string, number> = {}
  let stopping = false
  const serving = new Map<Worker, number>() // worker → when it began to listen
  const retiring = new Set<Worker>()

  const fork = (): Promise<Worker> =>
    new Promise((resolve, reject) => {
      const worker = cluster.fork()
      if (onOtherMessage)
        worker.on('message', (message: unknown) => {
          if (!isListeningMessage(message)) onOtherMessage(worker, message)
        })
      const onMessage = (message: unknown) => {
        if (!isListeningMessage(message)) return
        ports = message.ports
        serving.set(worker, Date.now())
        worker.off('exit', onExit)
        worker.off('message', onMessage)
        resolve(worker)
      }
      const onExit = (code: number | null, signal: string | null) => {
        worker.off('message', onMessage)
        reject(
          new Error(
            `a server process stopped before it listened (${signal ? `signal ${signal}` : `exit code ${code}`}); its error is above`,
          ),
        )
      }
      worker.on('message', onMessage)
      worker.once('exit', onExit)
    })

  /** Starts a worker in place of one that died; retries with a growing pause if it cannot. */
  const replace = (attempt: number, pauseMs: number) => {
    setTimeout(() => {
      if (stopping) return
      fork().then(
        (worker) =>
          logger.info(
            { worker: worker.id, pid: worker.process.pid },
            'replacement worker listening',
          ),
        (error: Error) => {
          const next = Math.min(30_000, 1000 * 2 ** attempt)
          logger.error(
            { err: { message: error.message }, retryInMs: next },
            'replacement worker did not start',
          )
          replace(attempt + 1, next)
        },
      )
    }, pauseMs)
  }

  const onWorkerExit = (worker: Worker, code: number | null, signal: string | null) => {
    const since = serving.get(worker)
    serving.delete(worker)
    if (retiring.delete(worker) || stopping || since === undefined) return
    // Its requests in flight are lost to their clients (never acknowledged); the others go on.
    logger.error(
      { worker: worker.id, pid: worker.process.pid, code, signal },
      'worker exited unexpectedly; starting another',
    )
    replace(0, Date.now() - since < CRASH_LOOP_MS ? 1000 : 0)
  }
  cluster.on('exit', onWorkerExit)

  const exited = (worker: Worker) =>
    new Promise<void>((resolve) => {
      if (worker.isDead()) resolve()
      else worker.once('exit', () => resolve())
    })

  /** Asks a worker to stop (it stops listening first, then finishes its requests) and waits. */
  const retire = async (worker: Worker) => {
    retiring.add(worker)
    serving.delete(worker)
    const done = exited(worker)
    worker.process.kill('SIGTERM')
    const timer = setTimeout(() => worker.process.kill('SIGKILL'), graceMs + 5000)
    await done
    clearTimeout(timer)
  }

  try {
    await Promise.all(Array.from({ length: count }, fork))
  } catch (error) {
    stopping = true
    await Promise.all(allWorkers().map(retire))
    cluster.off('exit', onWorkerExit)
    throw error
  }

  let restarting = false
  return {
    get ports() {
      return ports
    },
    size: () => serving.size,
    async restart() {
      if (restarting || stopping) return
      restarting = true
      try {
        for (const old of [...serving.keys()]) {
          if (stopping) return
          // One that died meanwhile has been replaced already.
          if (!serving.has(old)) continue
          const fresh = await fork()
          logger.info(
            { worker: fresh.id, pid: fresh.process.pid, replaces: old.id },
            'worker restarted',
          )
          await retire(old)
        }
      } finally {
        restarting = false
      }
    },
    broadcast(message) {
      for (const worker of allWorkers()) if (worker.isConnected()) worker.send(message)
    },
    async stop() {
      stopping = true
      await Promise.all(allWorkers().map(retire))
      cluster.off('exit', onWorkerExit)
    },
  }
}

/** Every worker process the primary has, starting or serving. */
function allWorkers(): Worker[] {
  return Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined)
}
