import jpeg from 'jpeg-js'
import { PNG } from 'pngjs'
import { describe, expect, it } from 'vitest'
import { orient } from './image-pixels.js'
import { IMAGE_MAX_SIDE, ImageRejected, processImage } from './image-process.js'
import { jpegOrientation, sniffImage } from './image-sniff.js'

function pixels(width: number, height: number): Buffer {
  const data = Buffer.alloc(width * height * 4)
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4
      data[i] = x === 0 ? 255 : 0 // a red left column, to see rotations
      data[i + 1] = 100
      data[i + 2] = 50
      data[i + 3] = 255
    }
  return data
}

/** A JPEG with an EXIF segment carrying an orientation and a fake GPS position and camera. */
function jpegWithExif(width: number, height: number, orientation: number): Buffer {
  const plain = jpeg.encode({ width, height, data: pixels(width, height) }, 90).data
  const tiff = Buffer.alloc(8 + 2 + 12 * 2 + 4)
  tiff.write('II', 0, 'ascii')
  tiff.writeUInt16LE(42, 2)
  tiff.writeUInt32LE(8, 4)
  tiff.writeUInt16LE(2, 8)
  tiff.writeUInt16LE(0x0112, 10) // Orientation, SHORT
  tiff.writeUInt16LE(3, 12)
  tiff.writeUInt32LE(1, 14)
  tiff.writeUInt16LE(orientation, 18)
  tiff.writeUInt16LE(0x8825, 22) // GPS IFD pointer (its content is the marker below)
  tiff.writeUInt16LE(4, 24)
  tiff.writeUInt32LE(1, 26)
  tiff.writeUInt32LE(0, 30)
  const payload = Buffer.concat([
    Buffer.from('Exif\0\0', 'latin1'),
    tiff,
    Buffer.from('GPS 42.9N 129.5E SERIAL-123', 'latin1'),
  ])
  const app1 = Buffer.alloc(4)
  app1.writeUInt16BE(0xffe1, 0)
  app1.writeUInt16BE(payload.length + 2, 2)
  return Buffer.concat([plain.subarray(0, 2), app1, payload, plain.subarray(2)])
}

function pngWithText(width: number, height: number): Buffer {
  const png = new PNG({ width, height })
  png.data = pixels(width, height)
  const plain = PNG.sync.write(png)
  // A tEXt chunk after IHDR (CRC unchecked by our decoder path is fine: pngjs verifies it, so
  // compute it properly).
  const text = Buffer.from('Comment\0shelter YAN-02 at 42.9N', 'latin1')
  const chunk = Buffer.alloc(12 + text.length)
  chunk.writeUInt32BE(text.length, 0)
  chunk.write('tEXt', 4, 'ascii')
  text.copy(chunk, 8)
  chunk.writeUInt32BE(crc32(Buffer.concat([Buffer.from('tEXt', 'ascii'), text])), 8 + text.length)
  return Buffer.concat([plain.subarray(0, 33), chunk, plain.subarray(33)])
}

function crc32(buf: Buffer): number {
  let c = ~0
  for (const byte of buf) {
    c ^= byte
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1))
  }
  return ~c >>> 0
}

describe('image uploads', () => {
  it('recognises JPEG and PNG by their bytes, and nothing else', () => {
    expect(sniffImage(jpegWithExif(4, 3, 1))).toEqual({ type: 'image/jpeg', width: 4, height: 3 })
    expect(sniffImage(pngWithText(5, 2))).toEqual({ type: 'image/png', width: 5, height: 2 })
    expect(sniffImage(Buffer.from('GIF89a......'))).toBeNull()
    expect(sniffImage(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull()
    expect(sniffImage(Buffer.from([0xff, 0xd8]))).toBeNull()
  })

  it('drops EXIF (position, camera) from a JPEG and stands it upright', () => {
    const upload = jpegWithExif(4, 2, 6)
    expect(upload.includes(Buffer.from('GPS 42.9N'))).toBe(true)
    expect(jpegOrientation(upload)).toBe(6)
    const out = processImage(upload)
    expect(out.contentType).toBe('image/jpeg')
    expect(out.data.includes(Buffer.from('Exif'))).toBe(false)
    expect(out.data.includes(Buffer.from('GPS'))).toBe(false)
    expect(out.data.includes(Buffer.from('SERIAL'))).toBe(false)
    expect([out.width, out.height]).toEqual([2, 4])
    expect(jpegOrientation(out.data)).toBe(1)
  })

  it('drops text chunks from a PNG', () => {
    const upload = pngWithText(6, 4)
    expect(upload.includes(Buffer.from('YAN-02'))).toBe(true)
    const out = processImage(upload)
    expect(out.contentType).toBe('image/png')
    expect(out.data.includes(Buffer.from('YAN-02'))).toBe(false)
    expect(out.data.includes(Buffer.from('tEXt'))).toBe(false)
    const decoded = PNG.sync.read(out.data)
    expect([decoded.width, decoded.height]).toEqual([6, 4])
  })

  it('shrinks large images and makes a thumbnail', () => {
    const big = new PNG({ width: 2000, height: 1000 })
    big.data = pixels(2000, 1000)
    const out = processImage(PNG.sync.write(big))
    expect([out.width, out.height]).toEqual([IMAGE_MAX_SIDE, 800])
    expect(out.thumbnail.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]))
  })

  it('refuses what is not an image, and dimensions that would be a decompression bomb', () => {
    const reason = (bytes: Buffer) => {
      try {
        processImage(bytes)
        return 'accepted'
      } catch (error) {
        return error instanceof ImageRejected ? error.problem : 'crashed'
      }
    }
    expect(reason(Buffer.from('not an image at all'))).toBe('image_type')
    const bomb = Buffer.from(pngWithText(2, 2))
    bomb.writeUInt32BE(50_000, 16)
    bomb.writeUInt32BE(50_000, 20)
    expect(reason(bomb)).toBe('image_dimensions')
    const whole = jpegWithExif(64, 64, 1)
    const broken = Buffer.from(whole.subarray(0, Math.floor(whole.length * 0.7)))
    expect(reason(broken)).toBe('image_unreadable')
  })

  it('turns pixels for every EXIF orientation', () => {
    // 2×1: red, blue
    const src = { width: 2, height: 1, data: Uint8Array.from([255, 0, 0, 255, 0, 0, 255, 255]) }
    const first = (o: number) => Array.from(orient(src, o).data.subarray(0, 3))
    expect(first(1)).toEqual([255, 0, 0])
    expect(first(2)).toEqual([0, 0, 255])
    expect(orient(src, 6).width).toBe(1)
    expect(first(6)).toEqual([255, 0, 0])
    expect(first(8)).toEqual([0, 0, 255])
  })
})
