/** What the first bytes of an upload say it is, and how big it claims to be, before decoding. */
export interface SniffedImage {
  type: 'image/jpeg' | 'image/png'
  width: number
  height: number
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

/**
 * Identifies JPEG and PNG by their magic bytes (never by a name or a declared type) and reads
 * their dimensions from the header, so a "decompression bomb" is refused before any pixel is
 * decoded. Returns null for anything else.
 */
export function sniffImage(bytes: Uint8Array): SniffedImage | null {
  if (PNG_SIGNATURE.every((b, i) => bytes[i] === b)) {
    // The first chunk must be IHDR: width and height are big-endian at 16 and 20.
    if (bytes.length < 24 || String.fromCharCode(...bytes.subarray(12, 16)) !== 'IHDR') return null
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    return { type: 'image/png', width: view.getUint32(16), height: view.getUint32(20) }
  }
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) {
    const size = jpegSize(bytes)
    return size ? { type: 'image/jpeg', ...size } : null
  }
  return null
}

/** Walks JPEG segments to the first start-of-frame marker. */
function jpegSize(bytes: Uint8Array): { width: number; height: number } | null {
  let at = 2
  while (at + 9 < bytes.length) {
    if (bytes[at] !== 0xff) return null
    const marker = bytes[at + 1] ?? 0
    if (marker === 0xff) {
      at += 1
      continue
    }
    const length = ((bytes[at + 2] ?? 0) << 8) | (bytes[at + 3] ?? 0)
    const isFrame = marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)
    if (isFrame) {
      const height = ((bytes[at + 5] ?? 0) << 8) | (bytes[at + 6] ?? 0)
      const width = ((bytes[at + 7] ?? 0) << 8) | (bytes[at + 8] ?? 0)
      return { width, height }
    }
    if (length < 2) return null
    at += 2 + length
  }
  return null
}

/**
 * EXIF orientation (1–8) of a JPEG, read before the metadata is thrown away so a phone photo
 * still stands upright. 1 when there is none or it cannot be read.
 */
export function jpegOrientation(bytes: Uint8Array): number {
  let at = 2
  while (at + 4 < bytes.length && bytes[at] === 0xff) {
    const marker = bytes[at + 1] ?? 0
    const length = ((bytes[at + 2] ?? 0) << 8) | (bytes[at + 3] ?? 0)
    if (marker === 0xda || length < 2) break
    if (marker === 0xe1) {
      const start = at + 4
      const header = String.fromCharCode(...bytes.subarray(start, start + 6))
      if (header === 'Exif\0\0') return exifOrientation(bytes.subarray(start + 6, at + 2 + length))
    }
    at += 2 + length
  }
  return 1
}

function exifOrientation(tiff: Uint8Array): number {
  if (tiff.length < 8) return 1
  const little = tiff[0] === 0x49 && tiff[1] === 0x49
  if (!little && !(tiff[0] === 0x4d && tiff[1] === 0x4d)) return 1
  const view = new DataView(tiff.buffer, tiff.byteOffset, tiff.byteLength)
  const ifd = view.getUint32(4, little)
  if (ifd + 2 > tiff.length) return 1
  const count = view.getUint16(ifd, little)
  for (let i = 0; i < count; i++) {
    const entry = ifd + 2 + i * 12
    if (entry + 12 > tiff.length) return 1
    if (view.getUint16(entry, little) === 0x0112) {
      const value = view.getUint16(entry + 8, little)
      return value >= 1 && value <= 8 ? value : 1
    }
  }
  return 1
}
