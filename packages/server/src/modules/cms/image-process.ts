import { createHash } from 'node:crypto'
import jpeg from 'jpeg-js'
import { PNG } from 'pngjs'
import { fitWithin, isOpaque, onWhite, orient, type Pixels } from './image-pixels.js'
import { jpegOrientation, sniffImage } from './image-sniff.js'

/** Longest side of a published image: sharp on a phone, light on a slow connection. */
export const IMAGE_MAX_SIDE = 1600
export const THUMBNAIL_MAX_SIDE = 240
/** Refused before decoding: beyond this an upload is a mistake or an attack. */
export const IMAGE_MAX_PIXELS = 40_000_000
export const IMAGE_MAX_DIMENSION = 12_000

export type ImageProblem = 'image_type' | 'image_dimensions' | 'image_unreadable'

export class ImageRejected extends Error {
  override name = 'ImageRejected'
  constructor(readonly problem: ImageProblem) {
    super(problem)
  }
}

export interface ProcessedImage {
  contentType: 'image/jpeg' | 'image/png'
  width: number
  height: number
  data: Buffer
  thumbnail: Buffer
  sha256: string
}

/**
 * Decodes an upload to bare pixels and encodes them again. Nothing of the original file survives
 * but its picture: EXIF (GPS position, camera serial, time), XMP, IPTC, comments and PNG text
 * chunks are gone by construction, because the encoders only ever write pixels. The orientation
 * is applied to the pixels first so photos stay upright.
 */
export function processImage(bytes: Uint8Array): ProcessedImage {
  const sniffed = sniffImage(bytes)
  if (!sniffed) throw new ImageRejected('image_type')
  const { width, height } = sniffed
  if (
    width < 1 ||
    height < 1 ||
    width > IMAGE_MAX_DIMENSION ||
    height > IMAGE_MAX_DIMENSION ||
    width * height > IMAGE_MAX_PIXELS
  )
    throw new ImageRejected('image_dimensions')

  let pixels: Pixels
  try {
    if (sniffed.type === 'image/jpeg') {
      const decoded = jpeg.decode(bytes, {
        useTArray: true,
        formatAsRGBA: true,
        maxResolutionInMP: IMAGE_MAX_PIXELS / 1_000_000,
        maxMemoryUsageInMB: 512,
      })
      pixels = orient(
        { width: decoded.width, height: decoded.height, data: decoded.data },
        jpegOrientation(bytes),
      )
    } else {
      const decoded = PNG.sync.read(Buffer.from(bytes))
      pixels = { width: decoded.width, height: decoded.height, data: decoded.data }
    }
  } catch {
    throw new ImageRejected('image_unreadable')
  }

  const fitted = fitWithin(pixels, IMAGE_MAX_SIDE)
  const keepPng = sniffed.type === 'image/png'
  const data = keepPng ? encodePng(fitted) : encodeJpeg(fitted, 82)
  const thumbnail = encodeJpeg(onWhite(fitWithin(fitted, THUMBNAIL_MAX_SIDE)), 70)
  return {
    contentType: keepPng ? 'image/png' : 'image/jpeg',
    width: fitted.width,
    height: fitted.height,
    data,
    thumbnail,
    sha256: createHash('sha256').update(data).digest('hex'),
  }
}

function encodeJpeg(pixels: Pixels, quality: number): Buffer {
  return Buffer.from(
    jpeg.encode({ width: pixels.width, height: pixels.height, data: pixels.data }, quality).data,
  )
}

function encodePng(pixels: Pixels): Buffer {
  const png = new PNG({ width: pixels.width, height: pixels.height })
  png.data = Buffer.from(pixels.data)
  // Opaque images are written as RGB (smaller); only IHDR, IDAT and IEND are ever written.
  return PNG.sync.write(png, { colorType: isOpaque(pixels) ? 2 : 6 })
}
