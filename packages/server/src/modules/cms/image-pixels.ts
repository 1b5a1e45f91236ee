/** RGBA pixels, four bytes each, row by row. */
export interface Pixels {
  width: number
  height: number
  data: Uint8Array
}

/** Turns stored pixels upright according to an EXIF orientation (1 = already upright). */
export function orient(src: Pixels, orientation: number): Pixels {
  if (orientation <= 1 || orientation > 8) return src
  const { width: w, height: h } = src
  const swap = orientation >= 5
  const dw = swap ? h : w
  const dh = swap ? w : h
  const data = new Uint8Array(dw * dh * 4)
  for (let y = 0; y < dh; y++) {
    for (let x = 0; x < dw; x++) {
      let sx = x
      let sy = y
      switch (orientation) {
        case 2:
          sx = w - 1 - x
          break
        case 3:
          sx = w - 1 - x
          sy = h - 1 - y
          break
        case 4:
          sy = h - 1 - y
          break
        case 5:
          sx = y
          sy = x
          break
        case 6:
          sx = y
          sy = h - 1 - x
          break
        case 7:
          sx = w - 1 - y
          sy = h - 1 - x
          break
        case 8:
          sx = w - 1 - y
          sy = x
          break
      }
      const s = (sy * w + sx) * 4
      const d = (y * dw + x) * 4
      data[d] = src.data[s] ?? 0
      data[d + 1] = src.data[s + 1] ?? 0
      data[d + 2] = src.data[s + 2] ?? 0
      data[d + 3] = src.data[s + 3] ?? 0
    }
  }
  return { width: dw, height: dh, data }
}

/**
 * Shrinks so the longer side is at most `max` pixels, averaging the source pixels each target
 * pixel covers (a box filter, which is what downscaling photos needs). Never enlarges.
 */
export function fitWithin(src: Pixels, max: number): Pixels {
  const scale = Math.min(1, max / Math.max(src.width, src.height))
  if (scale === 1) return src
  const dw = Math.max(1, Math.round(src.width * scale))
  const dh = Math.max(1, Math.round(src.height * scale))
  return resampleRows(resampleColumns(src, dw), dh)
}

/** Horizontal pass: each target column averages the source columns it covers. */
function resampleColumns(src: Pixels, dw: number): Pixels {
  const { width: sw, height: h } = src
  const data = new Uint8Array(dw * h * 4)
  const ratio = sw / dw
  const acc = new Float64Array(4)
  for (let x = 0; x < dw; x++) {
    const x0 = x * ratio
    const x1 = x0 + ratio
    for (let y = 0; y < h; y++) {
      acc.fill(0)
      for (let sx = Math.floor(x0); sx < Math.min(sw, Math.ceil(x1)); sx++) {
        const weight = Math.min(x1, sx + 1) - Math.max(x0, sx)
        const s = (y * sw + sx) * 4
        for (let c = 0; c < 4; c++) acc[c] = (acc[c] ?? 0) + (src.data[s + c] ?? 0) * weight
      }
      const d = (y * dw + x) * 4
      for (let c = 0; c < 4; c++) data[d + c] = Math.round((acc[c] ?? 0) / ratio)
    }
  }
  return { width: dw, height: h, data }
}

/** Vertical pass, the same on rows. */
function resampleRows(src: Pixels, dh: number): Pixels {
  const { width: w, height: sh } = src
  const data = new Uint8Array(w * dh * 4)
  const ratio = sh / dh
  const acc = new Float64Array(w * 4)
  for (let y = 0; y < dh; y++) {
    const y0 = y * ratio
    const y1 = y0 + ratio
    acc.fill(0)
    for (let sy = Math.floor(y0); sy < Math.min(sh, Math.ceil(y1)); sy++) {
      const weight = Math.min(y1, sy + 1) - Math.max(y0, sy)
      const row = sy * w * 4
      for (let i = 0; i < w * 4; i++) acc[i] = (acc[i] ?? 0) + (src.data[row + i] ?? 0) * weight
    }
    const row = y * w * 4
    for (let i = 0; i < w * 4; i++) data[row + i] = Math.round((acc[i] ?? 0) / ratio)
  }
  return { width: w, height: dh, data }
}

/** True when every pixel is opaque, so the alpha channel can be left out. */
export function isOpaque(pixels: Pixels): boolean {
  for (let i = 3; i < pixels.data.length; i += 4) if (pixels.data[i] !== 255) return false
  return true
}

/** Alpha blended onto white, for a JPEG thumbnail of a transparent PNG. */
export function onWhite(pixels: Pixels): Pixels {
  const data = new Uint8Array(pixels.data.length)
  for (let i = 0; i < data.length; i += 4) {
    const a = (pixels.data[i + 3] ?? 255) / 255
    for (let c = 0; c < 3; c++)
      data[i + c] = Math.round((pixels.data[i + c] ?? 0) * a + 255 * (1 - a))
    data[i + 3] = 255
  }
  return { ...pixels, data }
}
