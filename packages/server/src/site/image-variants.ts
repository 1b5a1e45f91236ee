import sharp from 'sharp'

/** Widths offered in `srcset`: a phone, a larger phone, a tablet, a desktop, the master. */
export const VARIANT_WIDTHS = [320, 640, 960, 1280, 1600] as const
export const VARIANT_FORMATS = ['avif', 'webp', 'jpg'] as const
export type VariantFormat = (typeof VARIANT_FORMATS)[number]

export const VARIANT_CONTENT_TYPES: Readonly<Record<VariantFormat, string>> = {
  avif: 'image/avif',
  webp: 'image/webp',
  jpg: 'image/jpeg',
}

/** How wide an image in the text column is shown: the column (44 rem), or the screen less its margins. */
export const IMAGE_SIZES = '(min-width: 46rem) 44rem, calc(100vw - 2rem)'

/**
 * Most a page's images may weigh on a 390 px phone (the promise for people on slow
 * links); publishing refuses a page above it, naming the weight.
 */
export const PAGE_IMAGE_BUDGET_BYTES = 200 * 1024
/** The column on a 390 px phone (the screen less its 1 rem margins), in CSS pixels. */
const PHONE_COLUMN_PX = 390 - 32

/**
 * What a page's images cost a 390 px phone: per image, the AVIF a browser picks from `srcset`
 * for the column (the narrowest variant at least as wide), or the widest there is. `variants`
 * are the stored variants' sizes; an image without any counts nothing (it has none to offer).
 */
export function imageBytesOnPhone(
  variants: readonly { media_id: string; width: number; format: string; byte_size: number }[],
  ids: readonly string[],
): number {
  let total = 0
  for (const id of new Set(ids)) {
    const avif = variants
      .filter((v) => v.media_id === id && v.format === 'avif')
      .sort((a, b) => a.width - b.width)
    const pick = avif.find((v) => v.width >= PHONE_COLUMN_PX) ?? avif[avif.length - 1]
    total += pick?.byte_size ?? 0
  }
  return total
}

/** The variant widths worth offering for a master `width` wide (never wider than the master). */
export function variantWidths(width: number): number[] {
  const smaller = VARIANT_WIDTHS.filter((w) => w < width)
  return [...smaller, Math.min(width, VARIANT_WIDTHS[VARIANT_WIDTHS.length - 1] ?? width)]
}

/** `/media/<id>-<width>.<format>` */
export function variantPath(id: string, width: number, format: VariantFormat): string {
  return `/media/${id}-${width}.${format}`
}

export function srcset(id: string, width: number, format: VariantFormat): string {
  return variantWidths(width)
    .map((w) => `${variantPath(id, w, format)} ${w}w`)
    .join(', ')
}

/**
 * One variant of a published image: the master (already re-encoded without metadata) scaled to
 * `width` and encoded as AVIF, WebP or JPEG by libvips. sharp writes no EXIF, XMP, IPTC or ICC
 * data unless asked to (`withMetadata`, never called here), so nothing but pixels leaves.
 */
export async function encodeVariant(
  master: Uint8Array,
  width: number,
  format: VariantFormat,
): Promise<Buffer> {
  const image = sharp(master, { limitInputPixels: 40_000_000 })
    .rotate()
    .resize({ width, withoutEnlargement: true })
  switch (format) {
    case 'avif':
      return image.avif({ quality: 50, effort: 2 }).toBuffer()
    case 'webp':
      return image.webp({ quality: 72 }).toBuffer()
    case 'jpg':
      return image
        .flatten({ background: '#ffffff' })
        .jpeg({ quality: 78, mozjpeg: true, progressive: true })
        .toBuffer()
  }
}

/**
 * Encoded variants kept in memory (they are derived, so losing them costs only time), oldest
 * dropped first past `maxBytes`; one encoding per variant even when many ask at once.
 */
export class VariantCache {
  private readonly done = new Map<string, Buffer>()
  private readonly pending = new Map<string, Promise<Buffer>>()
  private bytes = 0

  constructor(private readonly maxBytes = 48 * 1024 * 1024) {}

  async get(key: string, encode: () => Promise<Buffer>): Promise<Buffer> {
    const hit = this.done.get(key)
    if (hit) return hit
    const running = this.pending.get(key)
    if (running) return running
    const work = encode().then(
      (data) => {
        this.pending.delete(key)
        this.done.set(key, data)
        this.bytes += data.length
        for (const [old, value] of this.done) {
          if (this.bytes <= this.maxBytes) break
          this.done.delete(old)
          this.bytes -= value.length
        }
        return data
      },
      (error: unknown) => {
        this.pending.delete(key)
        throw error
      },
    )
    this.pending.set(key, work)
    return work
  }
}
