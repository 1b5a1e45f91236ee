import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { type AddressInfo, createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { CheckpointSigner } from '../src/audit/checkpoint-signer.js'
import { parseKey } from '../src/crypto/master-key.js'
import { runHaven, startServer } from './support/cli.js'

const tempDir = () => mkdtempSync(join(tmpdir(), 'haven-cli-'))

// Each test starts real `haven` processes (and often a server) one after another; on a busy
// two-core machine one process start takes seconds, so these get more than the default 30 s.
const CLI_TIMEOUT = { timeout: 120_000 }

describe('haven CLI', CLI_TIMEOUT, () => {
  it('explains every command with --help', () => {
    const top = runHaven(['--help'], {})
    expect(top.status).toBe(0)
    for (const command of ['serve', 'migrate', 'setup-link', 'doctor']) {
      expect(top.stdout).toContain(command)
      const help = runHaven([command, '--help'], {})
      expect(help.status, command).toBe(0)
      expect(help.stdout).toContain(`Usage: haven ${command}`)
    }
  })

  it('prints its version', () => {
    const version = runHaven(['--version'], {})
    expect(version.status).toBe(0)
    expect(version.stdout.trim()).toMatch(/^haven \d+\.\d+\.\d+/)
    expect(runHaven(['-v'], {}).stdout).toBe(version.stdout)
    expect(runHaven(['--help'], {}).stdout).toContain('--version')
  })

  it('treats unknown commands and flags as errors', () => {
    const flag = runHaven(['migrate', '--stauts'], {})
    expect(flag.status).toBe(2)
    expect(flag.stderr).toContain("unknown option '--stauts'")
    expect(runHaven(['frobnicate'], {}).status).toBe(2)
  })

  it('stops on bad configuration with one line naming the variable and an example', () => {
    const result = runHaven(['migrate'], { DATABASE_URL: 'postgress://x' })
    expect(result.status).toBe(2)
    expect(result.stderr.trim()).toBe(
      'Configuration error: DATABASE_URL: "postgress://x" is not a sqlite file path or postgres:// URL (example: postgres://haven@127.0.0.1:5432/haven or ./data/haven.db)',
    )
  })

  it('migrates, lists migration status, and applies nothing twice', () => {
    const env = { DATA_DIR: tempDir() }
    const before = runHaven(['migrate', '--status'], env)
    expect(before.stdout).toMatch(/pending {2}2026-11-26-0001-users/)
    expect(runHaven(['migrate'], env).stdout).toContain('Applied: 2026-11-26-0001-users')
    expect(runHaven(['migrate'], env).stdout).toContain('Nothing to apply')
    const after = runHaven(['migrate', '--status'], env)
    expect(after.stdout).toMatch(/applied {2}2026-11-26-0001-users/)
    expect(after.stdout).toContain('Up to date.')
  })

  it('prints a fresh setup link while no administrator exists', () => {
    const env = { DATA_DIR: tempDir() }
    const result = runHaven(['setup-link'], env)
    expect(result.status).toBe(0)
    expect(result.stdout).toMatch(/http:\/\/localhost:3000\/app\/setup#token=[\w-]{43}/)
  })

  it('prints setup and demo links with the address of the running server, and says where it came from', async () => {
    const dataDir = tempDir()
    const server = await startServer({ DATA_DIR: dataDir, PORT: '0' })
    const port = server.ports.combined
    try {
      // The command does not know PORT; the server on the same data folder does.
      const link = runHaven(['setup-link'], { DATA_DIR: dataDir })
      expect(link.status, link.stderr).toBe(0)
      expect(link.stdout).toContain(`http://localhost:${port}/app/setup#token=`)
      expect(link.stdout).toContain('earlier setup links no longer work')
      expect(link.stdout).toMatch(
        /Address from the Haven server running on this data folder \(process \d+\)\./,
      )
      const token = /#token=([\w-]{43})/.exec(link.stdout)?.[1]
      const check = await fetch(`http://127.0.0.1:${port}/api/v1/setup/check`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: `http://localhost:${port}` },
        body: JSON.stringify({ token }),
      })
      expect(check.status).toBe(200)
      const demo = runHaven(['demo'], { DATA_DIR: dataDir })
      expect(demo.status, demo.stderr).toBe(0)
      expect(demo.stdout).toContain(`Public site: http://localhost:${port}/`)
      // An address set for the command wins, and is named.
      const explicit = runHaven(['setup-link'], {
        DATA_DIR: dataDir,
        STAFF_URL: 'https://staff.example.org',
      })
      expect(explicit.stdout).toContain('https://staff.example.org/app/setup#token=')
      expect(explicit.stdout).toContain('Address from STAFF_URL.')
    } finally {
      await server.stop()
    }
    expect(existsSync(join(dataDir, 'run', 'server.json'))).toBe(false)
    const after = runHaven(['setup-link'], { DATA_DIR: dataDir })
    expect(after.stdout).toContain('http://localhost:3000/app/setup#token=')
    expect(after.stdout).toContain(
      `No Haven server is running on ${dataDir}, so the address assumes PORT=3000`,
    )
  })

  it('demo on a fresh data folder says it made a master key, and counts the same things on every run', () => {
    const env = { DATA_DIR: tempDir() }
    const first = runHaven(['demo'], env)
    expect(first.status, first.stderr).toBe(0)
    expect(first.stderr).toContain('WARNING: Created a new master key at')
    expect(first.stderr).not.toContain('{"level"')
    expect(first.stdout).toMatch(
      /^ {2}shelters: 3 shelters added \(with caretakers, \d+ residents/m,
    )
    expect(first.stdout).toMatch(/^ {2}people, cases and incidents: 28 people added$/m)
    const second = runHaven(['demo'], env)
    expect(second.status, second.stderr).toBe(0)
    expect(second.stderr).not.toContain('WARNING')
    expect(second.stdout).toMatch(/^ {2}shelters: nothing added; 3 shelters already there$/m)
    expect(second.stdout).toMatch(/^ {2}supplies: nothing added; 4 supply items already there$/m)
    expect(second.stdout).not.toMatch(/\d+ \w+ added/)
    // doctor repeats the warning as long as the key stays next to the data.
    expect(runHaven(['doctor'], env).stdout).toMatch(
      /^warning +master key: .*master\.key lies in the data folder/m,
    )
  })

  it('doctor reports each check with ok or a problem and how to fix it', () => {
    const dataDir = tempDir()
    expect(runHaven(['migrate'], { DATA_DIR: dataDir }).status).toBe(0)
    chmodSync(dataDir, 0o755)
    const result = runHaven(['doctor'], { DATA_DIR: dataDir, APP_DIST: tempDir() })
    expect(result.status).toBe(1)
    expect(result.stdout).toMatch(/^ok +configuration/m)
    expect(result.stdout).toMatch(
      /^problem +data folder: .* can be read by other users \(mode 755\)/m,
    )
    expect(result.stdout).toContain(`how to fix: chmod 700 ${dataDir}`)
    expect(result.stdout).toMatch(/^ok +database: SQLite .* passed its integrity check/m)
    expect(result.stdout).toMatch(/^ok +migrations/m)
    chmodSync(dataDir, 0o700)
    const dist = tempDir()
    writeFileSync(join(dist, 'index.html'), '<!doctype html>')
    expect(runHaven(['doctor'], { DATA_DIR: dataDir, APP_DIST: dist }).status).toBe(0)
  })

  it('doctor finds what serve refuses: a restored database without its master key or keys', async () => {
    const source = tempDir()
    await (await startServer({ DATA_DIR: source })).stop()
    const pass = join(tempDir(), 'passphrase.txt')
    writeFileSync(pass, 'lantern harbour quiet morning\n', { mode: 0o600 })
    const backup = join(tempDir(), 'backup.age')
    const made = runHaven(['backup', 'create', '--out', backup, '--passphrase-file', pass], {
      DATA_DIR: source,
    })
    expect(made.status, made.stderr).toBe(0)
    const restored = join(tempDir(), 'data')
    const env = { DATA_DIR: restored }
    const restore = runHaven(
      ['backup', 'restore', backup, '--data-dir', restored, '--passphrase-file', pass],
      env,
    )
    expect(restore.status, restore.stderr).toBe(0)

    const doctor = runHaven(['doctor'], env)
    expect(doctor.status).toBe(1)
    expect(doctor.stdout).toMatch(
      /^problem +master key: .*master\.key does not exist and HAVEN_MASTER_KEY is not set, but this database is not new/m,
    )
    expect(doctor.stdout).toContain('haven keys combine --out FILE')
    expect(doctor.stdout).toMatch(
      /^problem +keys: this database holds data but no compartment keys/m,
    )
    expect(doctor.stdout).not.toContain('No problems found')
    expect(runHaven(['serve'], { ...env, PORT: '0' }).status).toBe(1)
    expect(existsSync(join(restored, 'keys', 'master.key'))).toBe(false)
  })

  it('refuses a busy port with one line naming PORT, before creating anything', async () => {
    const busy = createServer()
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve))
    const port = (busy.address() as AddressInfo).port
    try {
      const dataDir = join(tempDir(), 'data')
      const result = runHaven(['serve'], { DATA_DIR: dataDir, PORT: String(port) })
      expect(result.status).toBe(1)
      expect(result.stderr.trim()).toBe(
        `PORT: port ${port} on 127.0.0.1 is already in use (another Haven, or another program, listens there). Stop it, or choose a free port: PORT=${port + 1} npm start (or "PORT": … in haven.config.json). Nothing was changed.`,
      )
      expect(existsSync(dataDir)).toBe(false)
      const split = runHaven(['serve'], {
        DATA_DIR: dataDir,
        PUBLIC_PORT: '0',
        STAFF_PORT: String(port),
      })
      expect(split.stderr).toMatch(/^STAFF_PORT: port \d+ on 127\.0\.0\.1 is already in use/)
      expect(existsSync(dataDir)).toBe(false)
    } finally {
      busy.close()
    }
  })

  it('serves, then shuts down cleanly on SIGTERM with exit code 0', async () => {
    const server = await startServer({ DATA_DIR: tempDir() })
    const port = server.ports.combined
    const res = await fetch(`http://127.0.0.1:${port}/healthz`)
    expect(res.status).toBe(200)
    expect(server.stderr()).toContain(`Public site: http://localhost:${port}/`)
    expect(server.stderr()).toMatch(/\/app\/setup#token=/)
    expect(await server.stop('SIGTERM')).toBe(0)
    expect(server.stdout()).toContain('"msg":"stopped"')
  })

  it('serves the public site and the staff side on separate ports when asked', async () => {
    const server = await startServer({ DATA_DIR: tempDir(), PUBLIC_PORT: '0', STAFF_PORT: '0' }, [
      'public',
      'staff',
    ])
    try {
      const { public: pub, staff } = server.ports
      expect((await fetch(`http://127.0.0.1:${pub}/en/`)).status).toBe(200)
      expect((await fetch(`http://127.0.0.1:${pub}/api/v1/openapi.json`)).status).toBe(404)
      expect((await fetch(`http://127.0.0.1:${staff}/api/v1/openapi.json`)).status).toBe(200)
      expect((await fetch(`http://127.0.0.1:${staff}/en/`)).status).toBe(404)
    } finally {
      await server.stop()
    }
  })
})

describe('haven audit', CLI_TIMEOUT, () => {
  it('verifies the chain, prints a checkpoint, and names the first tampered entry', async () => {
    const dataDir = tempDir()
    const env = { DATA_DIR: dataDir }
    expect(runHaven(['migrate'], env).status).toBe(0)
    // Real entries, written through the server: the compartments it creates at first start (the
    // contact inbox, partner contacts, detained aid workers, resettlement), and a failed sign-in.
    const server = await startServer(env)
    const port = server.ports.combined
    // One entry per compartment the modules create at start (how many depends on the modules
    // installed), counted as people count; the failed sign-in adds exactly one more.
    const atStart = /^Audit log intact: (\d+) entries, head /m.exec(
      runHaven(['audit', 'verify'], env).stdout,
    )
    const started = Number(atStart?.[1])
    expect(started).toBeGreaterThanOrEqual(2)
    await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: `http://localhost:${port}` },
      body: JSON.stringify({ loginName: 'nobody', password: 'not a real password' }),
    })
    await server.stop()

    const ok = runHaven(['audit', 'verify'], env)
    expect(ok.status, ok.stderr).toBe(0)
    expect(ok.stdout).toMatch(
      new RegExp(`Audit log intact: ${started + 1} entries, head [0-9a-f]{64}\\.`),
    )
    const checkpoint = runHaven(['audit', 'checkpoint'], env).stdout.trim()
    expect(checkpoint).toMatch(new RegExp(`^${started + 1}:[0-9a-f]{64}$`))
    expect(runHaven(['audit', 'verify', '--checkpoint', checkpoint], env).stdout).toContain(
      'It extends the checkpoint',
    )
    expect(runHaven(['audit', 'verify', '--checkpoint', 'nonsense'], env).status).toBe(2)

    // Tamper with the file the way someone with disk access would.
    const db = new Database(join(dataDir, 'haven.db'))
    db.exec('drop trigger audit_log_no_update')
    const { seq } = db.prepare("select seq from audit_log where action = 'auth.login'").get() as {
      seq: number
    }
    db.prepare("update audit_log set outcome = 'success' where seq = ?").run(seq)
    db.close()
    const bad = runHaven(['audit', 'verify'], env)
    expect(bad.status).toBe(1)
    expect(bad.stderr).toContain(
      `Audit log verification FAILED at entry ${seq}: entry ${seq} was edited`,
    )
  })

  it('writes checkpoints routinely, reports the latest one’s age, and catches a cut tail from the checkpoint file', async () => {
    const dataDir = tempDir()
    const env = { DATA_DIR: dataDir }
    expect(runHaven(['migrate'], env).status).toBe(0)
    const none = runHaven(['audit', 'verify'], env)
    expect(none.status).toBe(0)
    expect(none.stderr).toContain('WARNING: no checkpoint yet')

    // A running server writes one at start (and each day or 1000 entries); sign-ins add entries.
    const server = await startServer(env)
    const port = server.ports.combined
    for (let i = 0; i < 3; i++)
      await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: `http://localhost:${port}` },
        body: JSON.stringify({ loginName: `nobody-${i}`, password: 'not a real password' }),
      })
    await server.stop()
    const taken = runHaven(['audit', 'checkpoint'], env)
    expect(taken.status, taken.stderr).toBe(0)
    const count = Number(taken.stdout.split(':')[0])
    expect(count).toBeGreaterThanOrEqual(4)
    expect(taken.stderr).toContain('Signed and recorded')

    const ok = runHaven(['audit', 'verify'], env)
    expect(ok.status, ok.stderr).toBe(0)
    expect(ok.stdout).toContain(
      'Checkpoints: the log extends all 4 (2 signed in the database, 2 in',
    )
    expect(ok.stdout).toMatch(
      new RegExp(`Latest checkpoint: ${count} entries, \\S+ \\(0 min ago, `),
    )

    // Someone with the database cuts the log's tail and the checkpoints that witnessed it…
    const db = new Database(join(dataDir, 'haven.db'))
    for (const t of [
      'audit_log_no_delete',
      'audit_checkpoints_no_delete',
      'audit_checkpoints_no_update',
    ])
      db.exec(`drop trigger ${t}`)
    db.exec('delete from audit_log where seq > 1')
    db.exec('delete from audit_checkpoints')
    // …leaving one real-looking old checkpoint (signed here with the master key, to show the age warning).
    const signer = new CheckpointSigner(
      parseKey(readFileSync(join(dataDir, 'keys', 'master.key'), 'utf8'), 'master.key'),
    )
    const first = db.prepare('select hash from audit_log where seq = 1').get() as { hash: string }
    const old = new Date(Date.now() - 3 * 86_400_000).toISOString()
    db.prepare(
      'insert into audit_checkpoints (id, seq, hash, at, signer, signature) values (?, ?, ?, ?, ?, ?)',
    ).run(
      'old',
      1,
      first.hash,
      old,
      signer.id,
      signer.sign({ count: 1, hash: first.hash, at: old }),
    )
    db.close()
    // The checkpoint file outside the database remembers the cut entries.
    const cut = runHaven(['audit', 'verify'], env)
    expect(cut.status).toBe(1)
    expect(cut.stderr).toContain(
      `a checkpoint names entry ${count}: entries were deleted from its end`,
    )
    // Without that file, the database alone looks consistent, and only the age gives it away.
    const alone = runHaven(['audit', 'verify'], { ...env, AUDIT_CHECKPOINT_FILE: 'off' })
    expect(alone.status, alone.stderr).toBe(0)
    expect(alone.stdout).toContain('Latest checkpoint: 1 entry,')
    expect(alone.stderr).toMatch(/WARNING: the latest checkpoint is 3 days 0 h old/)
  })
})
