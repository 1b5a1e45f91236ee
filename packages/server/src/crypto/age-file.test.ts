import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Decrypter, Encrypter, generateIdentity, identityToRecipient } from 'age-encryption'
import { describe, expect, it } from 'vitest'
import { ageDecryptBytes, ageEncryptBytes, parseIdentityFile } from './age-file.js'

const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('utf8')
const hasAgeTool = spawnSync('age', ['--version']).status === 0
// Interoperability is a claim of the README: CI must test it, not skip it (.ci/run installs age).
const IN_CI = process.env.CI === 'true'

describe('age files', () => {
  it('round-trips to a passphrase and refuses a wrong one with a clear message', async () => {
    const sealed = await ageEncryptBytes(
      { kind: 'passphrase', passphrase: 'river stone lantern 42', logN: 10 },
      Buffer.from('김영훈'),
    )
    expect(text(sealed)).toMatch(/^age-encryption\.org\/v1\n-> scrypt /)
    expect(text(await ageDecryptBytes({ passphrase: 'river stone lantern 42' }, sealed))).toBe(
      '김영훈',
    )
    await expect(ageDecryptBytes({ passphrase: 'wrong' }, sealed)).rejects.toThrow(
      /does not open this file/,
    )
  })

  it('writes the same scrypt stanza as the age library, both ways', async () => {
    const ours = await ageEncryptBytes(
      { kind: 'passphrase', passphrase: 'p4ss phrase', logN: 10 },
      Buffer.from('x'),
    )
    const d = new Decrypter()
    d.addPassphrase('p4ss phrase')
    expect(await d.decrypt(ours, 'text')).toBe('x')
    const e = new Encrypter()
    e.setPassphrase('p4ss phrase')
    e.setScryptWorkFactor(10)
    const theirs = await e.encrypt('y')
    expect(text(await ageDecryptBytes({ passphrase: 'p4ss phrase' }, theirs))).toBe('y')
  })

  it('encrypts to X25519 recipients and opens with any of their identities', async () => {
    const a = await generateIdentity()
    const b = await generateIdentity()
    const sealed = await ageEncryptBytes(
      {
        kind: 'recipients',
        recipients: [await identityToRecipient(a), await identityToRecipient(b)],
      },
      Buffer.from('keys'),
    )
    const identities = parseIdentityFile(`# created: now\n# public key: age1…\n${b}\n`)
    expect(text(await ageDecryptBytes({ identities }, sealed))).toBe('keys')
    await expect(
      ageDecryptBytes({ identities: [await generateIdentity()] }, sealed),
    ).rejects.toThrow(/does not open this file/)
    await expect(
      ageEncryptBytes({ kind: 'recipients', recipients: ['age1nope'] }, Buffer.from('x')),
    ).rejects.toThrow(/is not an age recipient/)
  })

  it.skipIf(!hasAgeTool && !IN_CI)('opens with the standard age tool', async () => {
    if (!hasAgeTool)
      throw new Error(
        "CI=true but the age tool is missing: install Debian's age package (.ci/run does).",
      )
    const dir = mkdtempSync(join(tmpdir(), 'haven-age-'))
    const identity = await generateIdentity()
    writeFileSync(join(dir, 'key.txt'), `${identity}\n`)
    writeFileSync(
      join(dir, 'file.age'),
      await ageEncryptBytes(
        { kind: 'recipients', recipients: [await identityToRecipient(identity)] },
        Buffer.from('キム・ヨンフン'),
      ),
    )
    const out = execFileSync('age', ['-d', '-i', join(dir, 'key.txt'), join(dir, 'file.age')])
    expect(out.toString('utf8')).toBe('キム・ヨンフン')
  })
})
