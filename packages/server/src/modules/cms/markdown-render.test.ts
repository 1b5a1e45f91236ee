import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isSafeLink, renderMarkdown } from './markdown-render.js'

const IMAGE = '0193c4a2-1111-7000-8000-000000000001'
const images = (id: string) =>
  id === IMAGE ? { width: 640, height: 480, src: `/media/${id}.jpg` } : undefined

/** Tags the renderer may produce: anything else means something slipped through. */
const ALLOWED_TAGS = new Set([
  'a',
  'aside',
  'blockquote',
  'br',
  'code',
  'del',
  'div',
  'em',
  'figcaption',
  'figure',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'img',
  'li',
  'ol',
  'p',
  'picture',
  'pre',
  's',
  'source',
  'strong',
  'table',
  'tbody',
  'td',
  'th',
  'thead',
  'tr',
  'ul',
])
const ALLOWED_ATTRIBUTES = new Set([
  'href',
  'src',
  'alt',
  'title',
  'width',
  'height',
  'loading',
  'decoding',
  'id',
  'rel',
  'class',
  'tabindex',
  'start',
  'srcset',
  'sizes',
  'type',
])

function tagsAndAttributes(html: string) {
  const tags = [...html.matchAll(/<\/?([a-zA-Z][\w-]*)([^>]*)>/g)]
  return tags.map((m) => ({
    tag: (m[1] ?? '').toLowerCase(),
    attributes: [...(m[2] ?? '').matchAll(/\s([a-zA-Z-:]+)=/g)].map((a) =>
      (a[1] ?? '').toLowerCase(),
    ),
    raw: m[0],
  }))
}

describe('Markdown rendering', () => {
  it('escapes raw HTML instead of passing it through', () => {
    const { html } = renderMarkdown(
      'Hello <script>alert(1)</script> <img src=x onerror=alert(1)> <iframe src="//evil"></iframe>\n\n<div onclick="x()">block</div>',
    )
    expect(html).not.toMatch(/<script|<img src=x|<iframe|<div onclick/i)
    expect(html).toContain('&lt;script&gt;')
  })

  it.each([
    '[x](javascript:alert(1))',
    '[x](JAVASCRIPT:alert(1))',
    '[x](java\tscript:alert(1))',
    '[x](&#106;avascript:alert(1))',
    '[x](&#x6A;avascript&colon;alert(1))',
    '[x](  javascript:alert(1))',
    '[x](vbscript:msgbox)',
    '[x](data:text/html;base64,PHNjcmlwdD4=)',
    '[x](file:///etc/passwd)',
    '<javascript:alert(1)>',
    '[x][r]\n\n[r]: javascript:alert(1)',
  ])('refuses a dangerous link: %s', (source) => {
    const { html } = renderMarkdown(source)
    expect(html).not.toMatch(/href="[^"]*script:/i)
    expect(html).not.toMatch(/href="\s*(data|vbscript|file):/i)
  })

  it.each([
    ['[a](https://example.org/x)', 'https://example.org/x'],
    ['[a](http://example.org)', 'http://example.org'],
    ['[a](mailto:office@example.org)', 'mailto:office@example.org'],
    ['[a](/ja/contact)', '/ja/contact'],
    ['[a](#section-2)', '#section-2'],
    ['[a](faq)', 'faq'],
  ])('keeps a safe link: %s', (source, href) => {
    expect(renderMarkdown(source).html).toContain(`href="${href}"`)
  })

  it('marks links to other sites noreferrer, not our own', () => {
    expect(renderMarkdown('[a](https://example.org)').html).toContain('rel="noopener noreferrer"')
    expect(renderMarkdown('[a](/en/about)').html).not.toContain('rel=')
  })

  it('shows only uploaded images, sized, and never one from elsewhere', () => {
    const { html, imageIds } = renderMarkdown(
      `![rice](/media/${IMAGE}.jpg) ![tracker](https://evil.example/pixel.png) ![x](//evil/x.png) ![d](data:image/png;base64,AAAA) ![unknown](/media/0193c4a2-1111-7000-8000-000000000009.jpg)`,
      { images },
    )
    expect(imageIds).toEqual([IMAGE])
    expect(html).toContain(`<img src="/media/${IMAGE}.jpg" alt="rice" width="640" height="480"`)
    expect(html.match(/<img/g)?.length).toBe(1)
    // Lighter versions of the same upload for phones (AVIF, WebP, JPEG widths), never larger.
    expect(html).toContain(
      `<picture><source type="image/avif" srcset="/media/${IMAGE}-320.avif 320w, /media/${IMAGE}-640.avif 640w" sizes="(min-width: 46rem) 44rem, calc(100vw - 2rem)">`,
    )
    expect(html).toContain(`srcset="/media/${IMAGE}-320.jpg 320w, /media/${IMAGE}-640.jpg 640w"`)
    expect(html).toContain('[tracker]')
    // What is left of the others is text: no element points anywhere else.
    expect(html).not.toMatch(/(src|href)="[^"]*(evil|data:)/)
  })

  it('starts headings at h2 (the title is the h1) and gives them ids', () => {
    const { html } = renderMarkdown('# Food\n\n## Food\n\n### 食料の配布')
    expect(html).toContain('<h2 id="food">Food</h2>')
    expect(html).toContain('<h2 id="food-2">Food</h2>')
    expect(html).toContain('<h3 id="section-3">食料の配布</h3>')
    expect(html).not.toContain('<h1')
  })

  it('wraps tables so they scroll on a phone, aligned by class (no inline style)', () => {
    const { html } = renderMarkdown('| a | b |\n|---|--:|\n| 1 | 2 |')
    expect(html).toContain('<div class="table-wrap" tabindex="0"><table>')
    expect(html).toContain('<td class="align-right">2</td>')
    expect(html).not.toContain('style=')
  })

  it('gives the plain text for search', () => {
    const { text } = renderMarkdown('# Title\n\nSome **bold** [link](/x) text.\n\n- 米 500 g')
    expect(text).toBe('Title\nSome bold link text.\n米 500 g')
  })

  it('lets no unknown tag, event handler or script URL through, whatever the input', () => {
    const pieces = fc.constantFrom(
      '<script>',
      '</script>',
      '<img src=x onerror=alert(1)>',
      '<a href="javascript:x">',
      '[l](javascript:x)',
      '![i](javascript:x)',
      '<svg onload=x>',
      '"',
      "'",
      '`',
      '*',
      '_',
      '#',
      '\n',
      '\n\n',
      '|',
      '---',
      '>',
      '<',
      '&',
      '&#106;',
      'javascript:',
      'data:',
      'on',
      '=',
      '(',
      ')',
      '[',
      ']',
      '!',
      'text',
      '日本語',
      ' ',
      '<style>',
      '<iframe>',
      '<!--',
      '-->',
      '```',
      // Page components, whole and broken.
      '::: quote\n',
      '::: action\n',
      '::: figure\n',
      ':::\n',
      ':::',
      '— ',
      '--',
      `![a](/media/${IMAGE}.jpg)`,
      '    ',
    )
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 40 }), (parts) => {
        const { html } = renderMarkdown(parts.join(''), { images })
        for (const { tag, attributes, raw } of tagsAndAttributes(html)) {
          expect(ALLOWED_TAGS.has(tag), raw).toBe(true)
          for (const a of attributes) expect(ALLOWED_ATTRIBUTES.has(a), raw).toBe(true)
        }
        expect(html).not.toMatch(/(href|src)="\s*(javascript|data|vbscript):/i)
        for (const { raw } of tagsAndAttributes(html)) expect(raw).not.toMatch(/\son\w+=/i)
        // Every component element that opens also closes.
        for (const tag of ['figure', 'figcaption', 'blockquote', 'aside', 'p'])
          expect(html.match(new RegExp(`<${tag}[\\s>]`, 'g'))?.length ?? 0, tag).toBe(
            html.split(`</${tag}>`).length - 1,
          )
      }),
      { numRuns: 400 },
    )
  })

  it('judges link targets by an allowlist', () => {
    expect(isSafeLink('https://x')).toBe(true)
    expect(isSafeLink('//x')).toBe(true)
    expect(isSafeLink('tel:+81312345678')).toBe(true)
    expect(isSafeLink('javascript:x')).toBe(false)
    expect(isSafeLink('\u0001javascript:x')).toBe(false)
    expect(isSafeLink('intent://x')).toBe(false)
    expect(isSafeLink('a:b')).toBe(false)
    expect(isSafeLink('page?x=a:b')).toBe(true)
  })
})
