import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { generateIdentity, identityToRecipient } from 'age-encryption'
import { describe, expect, it } from 'vitest'
import type { AppContext } from '../src/app-context.js'
import { openTotpSecret, sealTotpSecret } from '../src/auth/totp-secrets.js'
import { hashDatabase } from '../src/backup/backup-service.js'
import { loadConfig } from '../src/config/load-config.js'
import { parseKey } from '../src/crypto/master-key.js'
import { openDatabase } from '../src/db/database.js'
import { boot } from '../src/server/boot.js'
import { createLogger } from '../src/server/logger.js'
import { runHaven, startServer } from './support/cli.js'
import { buildCompartment, buildUser } from './support/factories.js'
import { testAppContext } from './support/test-app.js'

const PASSPHRASE = 'lantern harbour quiet morning'

/** A Haven data folder with its master key kept outside it, as the README recommends. */
function setup() {
  const root = mkdtempSync(join(tmpdir(), 'haven-cli-keys-'))
  const dataDir = join(root, 'data')
  const keyFile = join(root, 'key-media', 'master.key')
  const pass = join(root, 'passphrase.txt')
  writeFileSync(pass, `${PASSPHRASE}\n`, { mode: 0o600 })
  const env = { DATA_DIR: dataDir, HAVEN_MASTER_KEY_FILE: keyFile }
  return { root, dataDir, keyFile, pass, env }
}

async function withApp<T>(
  env: Record<string, string>,
  root: string,
  work: (app: AppContext) => Promise<T>,
) {
  const app = await boot(loadConfig({ env, cwd: root }), createLogger('silent'))
  try {
    return await work(app)
  } finally {
    await app.database.close()
  }
}

/** An authenticator seed sealed under the system key, and two compartments. */
async function seed(env: Record<string, string>, root: string) {
  return withApp(env, root, async (app) => {
    const user = await buildUser(app)
    const db = app.database.db
    await db
      .insertInto('totp_factors')
      .values({
        user_id: user.id,
        secret: await sealTotpSecret(app, db, user.id, 'JBSWY3DPEHPK3PXP'),
        confirmed_at: null,
        last_time_step: null,
        created_at: new Date().toISOString(),
      })
      .execute()
    const shelter = await buildCompartment(app, 'JRL-01')
    await buildCompartment(app, 'YAN-02')
    return { userId: user.id, shelter }
  })
}

/** Opens the sealed seed with a given master key file, straight from the database. */
async function openSeed(dataDir: string, keyFile: string, userId: string) {
  const database = await openDatabase(
    { kind: 'sqlite', file: join(dataDir, 'haven.db') },
    { sqliteStartupCheck: 'off' },
  )
  try {
    const app = testAppContext(database, {
      masterKey: parseKey(readFileSync(keyFile, 'utf8'), keyFile),
    })
    const row = await database.db.selectFrom('totp_factors').selectAll().executeTakeFirstOrThrow()
    return await openTotpSecret(app, database.db, userId, row.secret)
  } finally {
    await database.close()
  }
}

async function sqliteHashes(dataDir: string) {
  const database = await openDatabase(
    { kind: 'sqlite', file: join(dataDir, 'haven.db') },
    { sqliteStartupCheck: 'off' },
  )
  try {
    return await hashDatabase(database)
  } finally {
    await database.close()
  }
}

// Each command is a fresh Node process (and scrypt runs for every passphrase): allow time.
describe('haven keys, backup, compartment shred and unseal (the built CLI)', {
  timeout: 180_000,
}, () => {
  it('splits the master key into shares and combines any three back into the same key', () => {
    const { root, env, keyFile } = setup()
    expect(runHaven(['setup-link'], env).status).toBe(0)
    const split = runHaven(['keys', 'split', '--shares', '5', '--threshold', '3'], env)
    expect(split.status, split.stderr).toBe(0)
    const shares = split.stdout.trim().split('\n')
    expect(shares).toHaveLength(5)
    expect(split.stderr).toContain('any 3 rebuild it')
    const out = join(root, 'rebuilt.key')
    const combined = runHaven(['keys', 'combine', '--out', out], env, undefined, {
      input: `${shares[4]}\n${shares[0]}\n${shares[2]}\n`,
    })
    expect(combined.status, combined.stderr).toBe(0)
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(keyFile, 'utf8'))
    const tooFew = runHaven(['keys', 'combine', '--out', join(root, 'x.key')], env, undefined, {
      input: `${shares[1]}\n${shares[3]}\n`,
    })
    expect(tooFew.status).toBe(1)
    expect(tooFew.stderr).toContain('3 different shares are needed; 2 given')
    expect(existsSync(join(root, 'x.key'))).toBe(false)
  })

  it('backs up, loses the data folder, restores with identical row hashes, and opens sealed fields only after the key import', async () => {
    const { root, dataDir, keyFile, pass, env } = setup()
    const { userId } = await seed(env, root)
    const keysOut = join(root, 'keys.age')
    const exported = runHaven(['keys', 'export', '--out', keysOut, '--passphrase-file', pass], env)
    expect(exported.status, exported.stderr).toBe(0)
    expect(exported.stdout).toMatch(/Wrote key export [0-9a-f]{16} \(\d+ keys of 2 compartments/)
    const before = await sqliteHashes(dataDir)

    // The backup goes to a trustee's age key (the export above used a passphrase).
    const identity = await generateIdentity()
    const identityFile = join(root, 'trustee.key')
    writeFileSync(identityFile, `${identity}\n`, { mode: 0o600 })
    const recipient = await identityToRecipient(identity)
    const backupOut = join(root, 'haven-backup.age')
    const made = runHaven(['backup', 'create', '--out', backupOut, '--recipient', recipient], env)
    expect(made.status, made.stderr).toBe(0)
    expect(made.stdout).toContain('It holds no keys')
    const verified = runHaven(['backup', 'verify', backupOut, '--identity', identityFile], env)
    expect(verified.status, verified.stderr).toBe(0)
    expect(verified.stdout).toMatch(/^Backup intact: \d+ rows/)
    const stranger = join(root, 'stranger.key')
    writeFileSync(stranger, `${await generateIdentity()}\n`, { mode: 0o600 })
    const refused = runHaven(['backup', 'verify', backupOut, '--identity', stranger], env)
    expect(refused.status).toBe(1)
    expect(refused.stderr).toContain('does not open this file')

    rmSync(dataDir, { recursive: true })
    const restored = runHaven(
      ['backup', 'restore', backupOut, '--data-dir', dataDir, '--identity', identityFile],
      env,
    )
    expect(restored.status, restored.stderr).toBe(0)
    expect(restored.stdout).toContain("every table matches the backup's manifest")
    expect(await sqliteHashes(dataDir)).toEqual(before)
    const again = runHaven(
      ['backup', 'restore', backupOut, '--data-dir', dataDir, '--identity', identityFile],
      env,
    )
    expect(again.status).toBe(2)
    expect(again.stderr).toContain('already holds a database')

    // The data alone opens nothing, and the server will not start without its keys.
    await expect(openSeed(dataDir, keyFile, userId)).rejects.toThrow(/no data key/)
    const serve = runHaven(['serve'], { ...env, PORT: '0' })
    expect(serve.status).toBe(1)
    expect(serve.stderr).toContain('Import its key export first')
    // doctor finds what serve refuses, before anyone tries to start it.
    const doctor = runHaven(['doctor'], env)
    expect(doctor.status).toBe(1)
    expect(doctor.stdout).toMatch(/^ok +master key: from .*master\.key/m)
    expect(doctor.stdout).toMatch(
      /^problem +keys: this database holds data but no compartment keys/m,
    )
    expect(doctor.stdout).toContain(
      'how to fix: import its key export: haven keys import KEY-EXPORT',
    )

    const imported = runHaven(['keys', 'import', keysOut, '--passphrase-file', pass], env)
    expect(imported.status, imported.stderr).toBe(0)
    expect(imported.stdout).toMatch(/^Imported \d+ keys from export/)
    expect(runHaven(['doctor'], env).stdout).toMatch(
      /^ok +master key: .*the one that wrapped this database's keys$/m,
    )
    expect(await openSeed(dataDir, keyFile, userId)).toBe('JBSWY3DPEHPK3PXP')
  })

  it('shreds a compartment from the command line and names the key exports that still hold its keys', async () => {
    const { root, pass, env } = setup()
    await seed(env, root)
    const keysOut = join(root, 'keys.age')
    const exported = runHaven(['keys', 'export', '--out', keysOut, '--passphrase-file', pass], env)
    const fingerprint = /Wrote key export ([0-9a-f]{16})/.exec(exported.stdout)?.[1] ?? '?'
    const mistyped = runHaven(['compartment', 'shred', 'JRL-01', '--confirm', 'JRL-02'], env)
    expect(mistyped.status).toBe(2)
    expect(mistyped.stderr).toContain('Nothing was destroyed')
    const shred = runHaven(['compartment', 'shred', 'JRL-01', '--confirm', 'JRL-01'], env)
    expect(shred.status, shred.stderr).toBe(0)
    expect(shred.stdout).toContain('Destroyed 2 keys of JRL-01')
    expect(shred.stdout).toContain('STILL HOLD THE DESTROYED KEYS')
    expect(shred.stdout).toContain(`key export ${fingerprint}`)
    const status = runHaven(['keys', 'status'], env)
    expect(status.stdout).toMatch(/JRL-01 +SHREDDED/)
    expect(status.stdout).toMatch(/YAN-02 +data v1, index v1/)
  })

  it('says after a shred that old wrapped keys may remain in database logs, and rotates the master key when asked', async () => {
    const { root, dataDir, keyFile, env } = setup()
    const { userId } = await seed(env, root)
    const plain = runHaven(['compartment', 'shred', 'JRL-01', '--confirm', 'JRL-01'], env)
    expect(plain.status, plain.stderr).toBe(0)
    expect(plain.stdout).toContain('write-ahead log')
    expect(plain.stdout).toContain('haven keys rotate-master')

    const before = readFileSync(keyFile, 'utf8')
    const rotated = runHaven(
      ['compartment', 'shred', 'YAN-02', '--confirm', 'YAN-02', '--rotate-master'],
      env,
    )
    expect(rotated.status, rotated.stderr).toBe(0)
    expect(rotated.stdout).toContain('Destroyed 2 keys of YAN-02')
    expect(rotated.stdout).toMatch(/Re-wrapped \d+ keys under master key/)
    expect(rotated.stdout).not.toContain('write-ahead log')
    expect(readFileSync(keyFile, 'utf8')).not.toBe(before)
    // What remains opens with the new master key only.
    expect(await openSeed(dataDir, keyFile, userId)).toBe('JBSWY3DPEHPK3PXP')
    const oldKey = join(root, 'old.key')
    writeFileSync(oldKey, before, { mode: 0o600 })
    await expect(openSeed(dataDir, oldKey, userId)).rejects.toThrow(/does not open/)

    // Without a key file to replace, the new key needs a place: refused before anything is shredded.
    const fromEnv = { DATA_DIR: dataDir, HAVEN_MASTER_KEY: before.trim() }
    const refused = runHaven(
      ['compartment', 'shred', 'JRL-01', '--confirm', 'JRL-01', '--rotate-master'],
      fromEnv,
    )
    expect(refused.status).toBe(2)
    expect(refused.stderr).toContain('--new-key-out')
  })

  it('rotates a key with a progress report, keeping values readable', async () => {
    const { root, dataDir, keyFile, env } = setup()
    const { userId } = await seed(env, root)
    const rotated = runHaven(['keys', 'rotate', '--system', '--settle-seconds', '2'], env)
    expect(rotated.status, rotated.stderr).toBe(0)
    expect(rotated.stderr).toContain('Started the rotation of system to data key v2')
    // The wait after the progress bar is explained, not silent.
    expect(rotated.stderr).toMatch(
      /Every record is re-sealed\. Waiting [12] s for every Haven server to drop the old keys/,
    )
    expect(rotated.stdout).toContain('Rotated system: 1 record re-sealed under data key v2')
    expect(await openSeed(dataDir, keyFile, userId)).toBe('JBSWY3DPEHPK3PXP')
    expect(runHaven(['keys', 'rotate'], env).status).toBe(2)
  })

  it('rotates the master key: the key file is replaced and every value still opens with it', async () => {
    const { root, dataDir, keyFile, env } = setup()
    const { userId } = await seed(env, root)
    const old = readFileSync(keyFile, 'utf8')
    const result = runHaven(['keys', 'rotate-master'], env)
    expect(result.status, result.stderr).toBe(0)
    expect(result.stdout).toContain('Restart every Haven server now')
    expect(readFileSync(keyFile, 'utf8')).not.toBe(old)
    expect(existsSync(`${keyFile}.new`)).toBe(false)
    expect(await openSeed(dataDir, keyFile, userId)).toBe('JBSWY3DPEHPK3PXP')
  })

  it('starts sealed (503), is unsealed by haven unseal with the passphrase, and refuses a wrong one', async () => {
    const { root, pass } = setup()
    const sealedEnv = { DATA_DIR: join(root, 'sealed'), HAVEN_SEALED: 'true' }
    mkdirSync(sealedEnv.DATA_DIR, { mode: 0o700 })
    let server = await startServer(sealedEnv)
    try {
      const base = `http://127.0.0.1:${server.ports.combined}`
      expect(server.stderr()).toContain('Haven is SEALED')
      const sealed = await fetch(`${base}/api/v1/auth/session`)
      expect(sealed.status).toBe(503)
      expect((await sealed.json()).error.code).toBe('sealed')
      const first = runHaven(['unseal', '--passphrase-file', pass], sealedEnv)
      expect(first.status, first.stderr).toBe(0)
      expect(first.stdout).toContain('Sealed mode is set up')
      expect((await fetch(`${base}/api/v1/auth/session`)).status).toBe(401)
      expect(runHaven(['unseal', '--passphrase-file', pass], sealedEnv).stderr).toContain(
        'No sealed Haven is waiting',
      )
    } finally {
      expect(await server.stop()).toBe(0)
    }
    server = await startServer(sealedEnv)
    try {
      const wrong = join(root, 'wrong.txt')
      writeFileSync(wrong, 'definitely not the passphrase\n', { mode: 0o600 })
      const refused = runHaven(['unseal', '--passphrase-file', wrong], sealedEnv)
      expect(refused.status).toBe(1)
      expect(refused.stderr).toContain('does not unseal Haven')
      await expect.poll(() => server.stdout()).toContain('unseal refused: wrong passphrase')
      expect(server.stdout()).not.toContain('definitely not')
      expect(runHaven(['unseal', '--passphrase-file', pass], sealedEnv).status).toBe(0)
      expect(
        (await fetch(`http://127.0.0.1:${server.ports.combined}/api/v1/auth/session`)).status,
      ).toBe(401)
    } finally {
      expect(await server.stop()).toBe(0)
    }
  })
})
