import { mkdtemp, readdir, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { spoolUpload, UploadTooLarge } from './spooled-upload.js'

async function* chunks(text: string, size: number) {
  const bytes = Buffer.from(text, 'utf-8')
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size)
}

const readAll = async (stream: AsyncIterable<Buffer>) => {
  const parts: Buffer[] = []
  for await (const part of stream) parts.push(part)
  return Buffer.concat(parts).toString('utf-8')
}

const parent = await mkdtemp(join(tmpdir(), 'haven-spool-test-'))
const spools = async () => readdir(parent)

describe('spoolUpload', () => {
  const sheet = `name,birth\n${'김명화,令和5年4月1日\n'.repeat(2000)}`

  it('keeps the file sealed on disk and gives it back whole, as often as asked', async () => {
    const upload = await spoolUpload(chunks(sheet, 1000), 1024 * 1024, parent)
    const added = await spools()
    expect(added).toHaveLength(1)
    const onDisk = await readFile(join(parent, added[0] ?? '', 'upload.sealed'))
    expect(upload.size).toBe(Buffer.byteLength(sheet))
    expect(onDisk.includes(Buffer.from('김명화'))).toBe(false)
    expect(onDisk.includes(Buffer.from('name,birth'))).toBe(false)
    expect(await readAll(upload.open())).toBe(sheet)
    expect(await readAll(upload.open())).toBe(sheet)
    await upload.discard()
    expect(await spools()).toEqual([])
  })

  it('refuses a body past the limit and leaves nothing behind', async () => {
    await expect(spoolUpload(chunks(sheet, 1000), 10_000, parent)).rejects.toBeInstanceOf(
      UploadTooLarge,
    )
    expect(await spools()).toEqual([])
  })
})
