import { suggestSlug } from '@haven/core/site/slug'
import MarkdownIt, { type Token } from 'markdown-it'
import { IMAGE_SIZES, srcset, type VariantFormat } from '../../site/image-variants.js'
import { usePageComponents } from './page-components.js'

/** What the renderer knows about an uploaded image, to size it (no layout shift) or inline it. */
export interface ImageInfo {
  width: number
  height: number
  /** Where the browser fetches it: `/media/…` on the site, a data: URL in the editor's preview. */
  src: string
}

export interface RenderOptions {
  /** Uploaded images by id; an image that is not here is shown as its description instead. */
  images?: (id: string) => ImageInfo | undefined
}

export interface RenderedMarkdown {
  /** Safe HTML: no raw HTML from the source, no script or data: links, images only our own. */
  html: string
  /** The text a reader sees, for search and summaries. */
  text: string
  /** Ids of uploaded images the page shows, in order (published along with it). */
  imageIds: string[]
  /** Uploaded images shown without a description (alt text): publishing refuses these. */
  imagesWithoutAlt: string[]
}

const SAFE_SCHEMES = new Set(['http', 'https', 'mailto', 'tel'])
/** `/media/<id>.jpg|png`: the only images a page may show (nothing is ever loaded from elsewhere). */
const MEDIA_PATH = /^\/media\/([0-9a-f-]{36})\.(jpg|png)$/

/**
 * Allowlist for link targets: http(s), mailto and tel, or addresses on this site (relative or
 * starting with / or #). Everything else — javascript:, data:, vbscript:, file: … — is refused,
 * and markdown-it then leaves the link as plain text. markdown-it has decoded entities
 * (`&#106;avascript:`) before this is called.
 */
export function isSafeLink(url: string): boolean {
  // Browsers ignore ASCII whitespace and control characters inside a scheme ("java\tscript:").
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  const compact = url.replace(/[\u0000-\u0020\u007f]+/g, '')
  if (compact.startsWith('//')) return true
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(compact)
  if (!scheme) return !/^[^/?#]*:/.test(compact)
  return SAFE_SCHEMES.has((scheme[1] ?? '').toLowerCase())
}

function isExternal(href: string): boolean {
  return /^(https?:)?\/\//i.test(href)
}

const md = new MarkdownIt('default', { html: false, linkify: true, typographer: false })
md.linkify.set({ fuzzyLink: false, fuzzyEmail: false })
md.validateLink = isSafeLink
usePageComponents(md)

const renderImage = md.renderer.rules.image
/**
 * A published upload becomes a <picture>: AVIF and WebP at several widths for browsers that
 * take them, JPEG (or the PNG master) for the rest, so a phone on a slow link fetches a small
 * file. The editor's preview (data: URLs) stays a plain <img>.
 */
md.renderer.rules.image = (tokens, idx, options, env, self) => {
  const token = tokens[idx]
  const img = renderImage?.(tokens, idx, options, env, self) ?? ''
  const meta = token?.meta as { mediaId?: string; width?: number } | undefined
  if (!token || !meta?.mediaId || !meta.width) return img
  const { mediaId, width } = meta
  const source = (format: VariantFormat) =>
    `<source type="image/${format}" srcset="${srcset(mediaId, width, format)}" sizes="${IMAGE_SIZES}">`
  return `<picture>${source('avif')}${source('webp')}${img}</picture>`
}

/**
 * A page's hero: the same <picture> as an image in the text, but fetched at once and first (it is
 * at the top of the screen, so waiting for layout would only delay it). `alt` is the editor's
 * description in the page's language, escaped here because it is written into an attribute.
 */
export function renderHero(
  mediaId: string,
  extension: 'jpg' | 'png',
  info: { width: number; height: number },
  alt: string,
): string {
  const escapeHtml = md.utils.escapeHtml
  const src = `/media/${mediaId}.${extension}`
  const jpegWidths =
    extension === 'jpg'
      ? ` srcset="${srcset(mediaId, info.width, 'jpg')}" sizes="${IMAGE_SIZES}"`
      : ''
  const img = `<img src="${src}"${jpegWidths} alt="${escapeHtml(alt)}" width="${info.width}" height="${info.height}" fetchpriority="high" decoding="async">`
  const source = (format: VariantFormat) =>
    `<source type="image/${format}" srcset="${srcset(mediaId, info.width, format)}" sizes="${IMAGE_SIZES}">`
  return `<picture class="hero">${source('avif')}${source('webp')}${img}</picture>`
}

function headingIds(tokens: Token[]): void {
  const used = new Set<string>()
  let n = 0
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]
    if (token?.type !== 'heading_open') continue
    n += 1
    // The page title is the only h1 on a page: a Markdown h1 becomes an h2.
    const level = Math.max(Number(token.tag.slice(1)), 2)
    token.tag = `h${level}`
    const close = tokens.slice(i).find((t) => t.type === 'heading_close')
    if (close) close.tag = `h${level}`
    const text = tokens[i + 1]?.content ?? ''
    let id = suggestSlug(text).slice(0, 60) || `section-${n}`
    while (used.has(id)) id = `${id}-${n}`
    used.add(id)
    token.attrSet('id', id)
  }
}

/** Renders editor Markdown to the HTML the site serves. Used for publishing and for the preview. */
export function renderMarkdown(source: string, options: RenderOptions = {}): RenderedMarkdown {
  const tokens = md.parse(source, {})
  headingIds(tokens)
  const imageIds: string[] = []
  const imagesWithoutAlt: string[] = []
  const text: string[] = []
  for (const block of tokens) {
    if (block.type === 'inline' || block.type === 'fence' || block.type === 'code_block') {
      text.push(block.type === 'inline' ? inlineText(block.children ?? []) : block.content)
    }
    for (const token of block.children ?? []) {
      if (token.type !== 'image') continue
      const src = String(token.attrGet('src') ?? '')
      const match = MEDIA_PATH.exec(src)
      const info = match?.[1] ? options.images?.(match[1]) : undefined
      if (!match?.[1] || !info) {
        // Not one of our uploads: showing it would make readers' browsers fetch from elsewhere.
        token.type = 'text'
        token.tag = ''
        token.content = `[${inlineText(token.children ?? [])}]`
        token.children = null
        token.attrs = null
        continue
      }
      if (!imageIds.includes(match[1])) imageIds.push(match[1])
      if (!inlineText(token.children ?? []).trim()) imagesWithoutAlt.push(match[1])
      token.attrSet('src', info.src)
      token.attrSet('width', info.width)
      token.attrSet('height', info.height)
      token.attrSet('loading', 'lazy')
      token.attrSet('decoding', 'async')
      if (info.src.startsWith('/media/')) {
        token.meta = { mediaId: match[1], width: info.width }
        // A PNG master (line art, transparency) stays the fallback as it is; photos get JPEG widths.
        if (match[2] === 'jpg') {
          token.attrSet('srcset', srcset(match[1], info.width, 'jpg'))
          token.attrSet('sizes', IMAGE_SIZES)
        }
      }
    }
  }
  const html = md.renderer.render(tokens, md.options, {})
  return {
    html,
    text: text
      .join('\n')
      .replace(/[ \t]+/g, ' ')
      .trim(),
    imageIds,
    imagesWithoutAlt,
  }
}

function inlineText(children: Token[]): string {
  return children
    .map((t) =>
      t.type === 'text' || t.type === 'code_inline'
        ? t.content
        : t.type === 'softbreak' || t.type === 'hardbreak'
          ? ' '
          : t.type === 'image'
            ? inlineText(t.children ?? [])
            : '',
    )
    .join('')
}

// Tables scroll sideways on a phone instead of widening the page; the wrapper is focusable so
// keyboard users can scroll it too.
md.renderer.rules.table_open = () => '<div class="table-wrap" tabindex="0"><table>\n'
md.renderer.rules.table_close = () => '</table></div>\n'

// Column alignment comes as style="text-align:…", which the site's CSP (no inline styles) would
// refuse: it becomes a class the stylesheet knows.
for (const rule of ['th_open', 'td_open'] as const) {
  md.renderer.rules[rule] = (tokens, idx, options, _env, self) => {
    const token = tokens[idx]
    const align = /text-align:(left|center|right)/.exec(String(token?.attrGet('style') ?? ''))?.[1]
    if (token?.attrs) token.attrs = token.attrs.filter(([name]) => name !== 'style')
    if (token && align) token.attrSet('class', `align-${align}`)
    return self.renderToken(tokens, idx, options)
  }
}

// Links to other sites leave no trace of where the reader came from, even in old browsers.
const defaultLinkOpen = md.renderer.rules.link_open
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const token = tokens[idx]
  if (token && isExternal(String(token.attrGet('href') ?? '')))
    token.attrSet('rel', 'noopener noreferrer')
  return defaultLinkOpen
    ? defaultLinkOpen(tokens, idx, options, env, self)
    : self.renderToken(tokens, idx, options)
}
