import { fileTypeFromBuffer } from 'file-type'
import jpeg from 'jpeg-js'
import { PNG } from 'pngjs'
import { errors } from '../../http/errors.js'

export const MAX_ATTACHMENT_BYTES = 8 * 1024 * 1024
/** Decoding a bomb (a tiny file claiming a huge image) must not exhaust memory. */
const MAX_PIXELS = 40_000_000

export interface CleanFile {
  bytes: Uint8Array
  contentType: 'image/jpeg' | 'image/png' | 'application/pdf'
  kind: 'photo' | 'document'
  extension: string
}

/**
 * Checks what a file really is from its bytes (never its name or declared type) and cleans it:
 * photos are decoded and re-encoded, which drops EXIF, GPS positions, camera serial numbers and
 * any other metadata by construction — a refugee's photo must not reveal where a shelter is.
 * PDFs are accepted as they are (see README: their document properties are not rewritten).
 */
export async function cleanAttachment(
  bytes: Uint8Array,
  options: { photoOnly: boolean },
): Promise<CleanFile> {
  const type = await fileTypeFromBuffer(bytes)
  if (type?.mime === 'image/jpeg') {
    const image = decodeOrRefuse(() =>
      jpeg.decode(bytes, {
        maxMemoryUsageInMB: 512,
        maxResolutionInMP: MAX_PIXELS / 1_000_000,
        useTArray: true,
      }),
    )
    return {
      bytes: jpeg.encode({ data: image.data, width: image.width, height: image.height }, 88).data,
      contentType: 'image/jpeg',
      kind: 'photo',
      extension: 'jpg',
    }
  }
  if (type?.mime === 'image/png') {
    const image = decodeOrRefuse(() => PNG.sync.read(Buffer.from(bytes)))
    if (image.width * image.height > MAX_PIXELS) throw errors.attachmentType()
    const clean = new PNG({ width: image.width, height: image.height })
    image.data.copy(clean.data)
    return {
      bytes: PNG.sync.write(clean),
      contentType: 'image/png',
      kind: 'photo',
      extension: 'png',
    }
  }
  if (type?.mime === 'application/pdf' && !options.photoOnly)
    return { bytes, contentType: 'application/pdf', kind: 'document', extension: 'pdf' }
  throw errors.attachmentType()
}

function decodeOrRefuse<T>(decode: () => T): T {
  try {
    return decode()
  } catch {
    throw errors.attachmentType()
  }
}
