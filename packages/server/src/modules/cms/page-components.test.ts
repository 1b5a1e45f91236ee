import { describe, expect, it } from 'vitest'
import { renderMarkdown } from './markdown-render.js'

const IMAGE = '0193c4a2-1111-7000-8000-000000000001'
const images = (id: string) =>
  id === IMAGE ? { width: 640, height: 480, src: `/media/${id}.jpg` } : undefined

describe('Page components in Markdown', () => {
  it('makes a pull quote, with who said it outside the quotation', () => {
    const { html, text } = renderMarkdown(
      '::: quote\nThe rice came *on time*.\n\n— A volunteer in Kawasaki\n:::',
    )
    expect(html).toBe(
      '<figure class="pull-quote"><blockquote>\n<p>The rice came <em>on time</em>.</p>\n</blockquote>\n<figcaption>— A volunteer in Kawasaki</figcaption>\n</figure>\n',
    )
    expect(text).toContain('The rice came on time.')
  })

  it('makes a pull quote without a credit, and takes "--" as the dash', () => {
    expect(renderMarkdown('::: quote\n支援が届きました。\n:::').html).toBe(
      '<figure class="pull-quote"><blockquote>\n<p>支援が届きました。</p>\n</blockquote>\n</figure>\n',
    )
    expect(renderMarkdown('::: quote\nWords.\n\n-- 職員\n:::').html).toContain(
      '<figcaption>— 職員</figcaption>',
    )
  })

  it('makes a call to action whose links are still checked', () => {
    const { html } = renderMarkdown(
      '::: action\n**Help now.** [Donate](/en/donate) [x](javascript:alert(1))\n:::',
    )
    expect(html).toContain('<aside class="call-to-action">\n<p><strong>Help now.</strong>')
    expect(html).toContain('<a href="/en/donate">Donate</a>')
    expect(html).not.toMatch(/javascript:alert\(1\)"/)
    expect(html.trimEnd().endsWith('</aside>')).toBe(true)
  })

  it('makes an image with a caption: the picture alone, the rest in figcaption', () => {
    const { html, imageIds } = renderMarkdown(
      `::: figure\n![Rice sacks on a truck](/media/${IMAGE}.jpg)\n\nRice delivered in **May**.\n:::`,
      { images },
    )
    expect(imageIds).toEqual([IMAGE])
    expect(html).toMatch(/^<figure class="captioned">\n<picture>.*alt="Rice sacks on a truck"/s)
    expect(html).toContain(
      '</picture><figcaption><p>Rice delivered in <strong>May</strong>.</p>\n</figcaption></figure>',
    )
  })

  it('escapes HTML inside components like anywhere else', () => {
    const { html } = renderMarkdown(
      '::: quote\n<script>alert(1)</script>\n\n— <img src=x onerror=alert(1)>\n:::\n\n::: figure\n<iframe src=//evil>\n:::',
    )
    expect(html).not.toMatch(/<script|<img|<iframe/)
    expect(html).toContain('<figcaption>— &lt;img src=x onerror=alert(1)&gt;</figcaption>')
  })

  it('leaves unknown, unclosed, indented and nested components as text', () => {
    expect(renderMarkdown('::: evil\nx\n:::').html).toBe('<p>::: evil\nx\n:::</p>\n')
    expect(renderMarkdown('::: quote\nnever closed').html).toBe('<p>::: quote\nnever closed</p>\n')
    expect(renderMarkdown('    ::: quote\n    x\n    :::').html).toContain('<pre><code>::: quote')
    // The first ":::" closes the outer component: the inner opener is only text.
    const nested = renderMarkdown('::: quote\n::: action\nx\n:::\n:::').html
    expect(nested).not.toContain('call-to-action')
    expect(nested).toContain('<p>::: action\nx</p>')
  })

  it('starts a component right after a paragraph line', () => {
    const { html } = renderMarkdown('Intro.\n::: action\n[Give](/en/donate)\n:::')
    expect(html).toBe(
      '<p>Intro.</p>\n<aside class="call-to-action">\n<p><a href="/en/donate">Give</a></p>\n</aside>\n',
    )
  })
})
