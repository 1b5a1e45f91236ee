import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  readServerRecord,
  removeServerRecord,
  serverRecordPath,
  writeServerRecord,
} from './server-record.js'

const urls = {
  public: 'http://localhost:3731',
  staff: 'http://localhost:3731',
  insecureLocalhost: true,
}

describe('the running server record', () => {
  it('is read back while its process lives, and ignored once it is gone or unreadable', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'haven-record-'))
    expect(readServerRecord(dataDir)).toBeNull()
    writeServerRecord(dataDir, urls, new Date('2026-06-01T00:00:00Z'))
    expect(readServerRecord(dataDir)).toMatchObject({ pid: process.pid, staff: urls.staff })
    expect(readServerRecord(dataDir, { alive: () => false })).toBeNull()
    writeFileSync(serverRecordPath(dataDir), '{"pid": "x"}')
    expect(readServerRecord(dataDir)).toBeNull()
  })

  it('is removed at shutdown only by the server that wrote it', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'haven-record-'))
    writeServerRecord(dataDir, urls, new Date())
    const other = { pid: process.pid + 1, ...urls, startedAt: new Date().toISOString() }
    writeFileSync(serverRecordPath(dataDir), JSON.stringify(other))
    removeServerRecord(dataDir)
    expect(readServerRecord(dataDir, { alive: () => true })?.pid).toBe(process.pid + 1)
    writeServerRecord(dataDir, urls, new Date())
    removeServerRecord(dataDir)
    expect(readServerRecord(dataDir)).toBeNull()
  })
})
