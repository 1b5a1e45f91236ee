import { chmodSync, existsSync, mkdirSync, rmSync } from 'node:fs'
import { createServer, request, type Server } from 'node:http'
import { connect } from 'node:net'
import { join } from 'node:path'
import type { AppContext } from '../app-context.js'
import { type UnsealOutcome, unseal } from '../crypto/unseal-service.js'

/**
 * `haven unseal` talks to the running server through a Unix socket in DATA_DIR/run (a folder
 * only Haven's user can enter): only someone logged in on the server as that user can reach it,
 * and nothing about it is exposed on a network port. It exists only while the server is sealed.
 */
export function unsealSocketPath(dataDir: string): string {
  return join(dataDir, 'run', 'unseal.sock')
}

const MAX_BODY = 4096

export interface UnsealSocket {
  path: string
  close(): Promise<void>
}

export async function listenUnsealSocket(app: AppContext): Promise<UnsealSocket> {
  const path = unsealSocketPath(app.config.dataDir)
  mkdirSync(join(app.config.dataDir, 'run'), { recursive: true, mode: 0o700 })
  chmodSync(join(app.config.dataDir, 'run'), 0o700)
  if (existsSync(path)) {
    if (await answers(path))
      throw new Error(
        `${path}: another sealed Haven is already waiting there; give each server its own DATA_DIR`,
      )
    rmSync(path) // left over from a server that stopped without cleaning up
  }
  let closing: Promise<void> | null = null
  const server: Server = createServer((req, res) => {
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json' })
      res.end(JSON.stringify(body))
    }
    if (req.method !== 'POST' || req.url !== '/unseal')
      return reply(404, { error: { code: 'not_found', message: 'POST /unseal only' } })
    let body = ''
    let tooLarge = false
    req.setEncoding('utf8')
    req.on('data', (chunk: string) => {
      body += chunk
      if (body.length > MAX_BODY) {
        tooLarge = true
        req.destroy()
      }
    })
    req.on('end', () => {
      if (tooLarge) return
      let passphrase = ''
      try {
        const parsed = JSON.parse(body) as { passphrase?: unknown }
        if (typeof parsed.passphrase === 'string') passphrase = parsed.passphrase
      } catch {
        return reply(400, { error: { code: 'invalid_json', message: 'send {"passphrase": "…"}' } })
      }
      unseal(app, passphrase, 'socket')
        .then((outcome: UnsealOutcome) => {
          if (outcome.ok) {
            reply(200, outcome)
            // Unsealed: the socket has done its job.
            closing ??= close()
          } else {
            reply(
              outcome.code === 'throttled' ? 429 : outcome.code === 'wrong_passphrase' ? 401 : 409,
              {
                error: {
                  code: outcome.code,
                  message: outcome.message,
                  retryAfterSeconds: outcome.retryAfterSeconds,
                },
              },
            )
          }
        })
        .catch((error: unknown) => {
          app.logger.error({ err: { message: String(error) } }, 'unseal failed')
          reply(500, {
            error: { code: 'internal_error', message: 'unseal failed; see the server log' },
          })
        })
    })
  })
  const close = () =>
    new Promise<void>((resolve) => {
      server.close(() => {
        rmSync(path, { force: true })
        resolve()
      })
      server.closeIdleConnections()
    })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(path, () => resolve())
  })
  chmodSync(path, 0o600)
  return {
    path,
    close: () => {
      closing ??= close()
      return closing
    },
  }
}

function answers(path: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(path)
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })
}

export type UnsealReply =
  | { ok: true; initialised: boolean; fingerprint: string }
  | { ok: false; code: string; message: string; retryAfterSeconds?: number }

/** The CLI side: sends the passphrase to a sealed server's socket. */
export function requestUnseal(path: string, passphrase: string): Promise<UnsealReply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        socketPath: path,
        method: 'POST',
        path: '/unseal',
        headers: { 'Content-Type': 'application/json' },
      },
      (res) => {
        let text = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => {
          text += chunk
        })
        res.on('end', () => {
          try {
            const parsed = JSON.parse(text) as
              | { ok: true; initialised: boolean; fingerprint: string }
              | { error: { code: string; message: string; retryAfterSeconds?: number } }
            resolve(
              'error' in parsed
                ? { ok: false, ...parsed.error }
                : { ok: true, initialised: parsed.initialised, fingerprint: parsed.fingerprint },
            )
          } catch {
            reject(new Error(`unexpected answer from ${path}`))
          }
        })
      },
    )
    req.on('error', reject)
    req.end(JSON.stringify({ passphrase }))
  })
}
