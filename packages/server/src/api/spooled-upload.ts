import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable, Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'

/**
 * An uploaded file kept on disk while a request works through it, so a file of any size under the
 * limit costs the server no more memory than the chunk being read. The file is sealed: AES-256-GCM
 * under a key that exists only in this object, so what lands in the temporary folder (names, birth
 * dates) is unreadable to anyone who finds it, and gone for good when the process ends.
 */
export interface SpooledUpload {
  /** Bytes received. */
  size: number
  /** The file from its start, opened anew on each call (an import reads it twice). */
  open(): Readable
  /** Deletes the file (the request is done with it). */
  discard(): Promise<void>
}

/** Raised when the body is longer than the route accepts (the caller answers 413). */
export class UploadTooLarge extends Error {
  constructor(readonly maxBytes: number) {
    super('upload too large')
  }
}

const ALGORITHM = 'aes-256-gcm'

/** Writes `body` to a sealed temporary file, refusing it past `maxBytes`. */
export async function spoolUpload(
  body: AsyncIterable<Uint8Array>,
  maxBytes: number,
  parent: string = tmpdir(),
): Promise<SpooledUpload> {
  const dir = await mkdtemp(join(parent, 'haven-upload-'))
  const path = join(dir, 'upload.sealed')
  const key = randomBytes(32)
  const iv = randomBytes(12)
  const cipher = createCipheriv(ALGORITHM, key, iv)
  let size = 0
  const counted = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.byteLength
      if (size > maxBytes) done(new UploadTooLarge(maxBytes))
      else done(null, chunk)
    },
  })
  try {
    await pipeline(Readable.from(body), counted, cipher, createWriteStream(path, { mode: 0o600 }))
  } catch (error) {
    await rm(dir, { recursive: true, force: true })
    throw error
  }
  const tag = cipher.getAuthTag()
  return {
    size,
    open() {
      const decipher = createDecipheriv(ALGORITHM, key, iv)
      decipher.setAuthTag(tag)
      const file = createReadStream(path, { highWaterMark: 256 * 1024 })
      file.on('error', (error) => decipher.destroy(error))
      return file.pipe(decipher)
    },
    async discard() {
      key.fill(0)
      await rm(dir, { recursive: true, force: true })
    },
  }
}
