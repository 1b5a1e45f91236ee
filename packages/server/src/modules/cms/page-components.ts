import type { MarkdownIt, StateBlock, Token } from 'markdown-it'

/**
 * Page components editors write in Markdown, without HTML:
 *
 *     ::: quote            a pull quote; a last paragraph starting with "—" names who said it
 *     ::: action           a call to action: its links look like buttons
 *     ::: figure           an image with a caption: the first paragraph is the image, the rest
 *                          is the caption
 *     :::                  ends the component
 *
 * The content is ordinary Markdown and goes through the same escaping and link and image rules
 * as the rest of the page. An unknown name or a component that is never closed stays plain text,
 * and components do not nest (an inner one is text), so hostile input cannot build deep trees.
 */
export const COMPONENT_NAMES = ['quote', 'action', 'figure'] as const
export type ComponentName = (typeof COMPONENT_NAMES)[number]

const OPEN = /^:::[ \t]*(quote|action|figure)[ \t]*$/
const CLOSE = /^:::[ \t]*$/

function lineText(state: StateBlock, line: number): string {
  const start = (state.bMarks[line] ?? 0) + (state.tShift[line] ?? 0)
  return state.src.slice(start, state.eMarks[line])
}

function componentRule(
  state: StateBlock,
  startLine: number,
  endLine: number,
  silent: boolean,
): boolean {
  // Indented four spaces it is code, as in the rest of Markdown.
  if ((state.sCount[startLine] ?? 0) - state.blkIndent >= 4) return false
  const name = OPEN.exec(lineText(state, startLine))?.[1] as ComponentName | undefined
  if (!name) return false
  let close = startLine + 1
  while (close < endLine && !CLOSE.test(lineText(state, close))) close++
  if (close >= endLine) return false
  if (silent) return true

  const open = state.push('component_open', '', 1)
  open.block = true
  open.meta = { name }
  open.map = [startLine, close + 1]
  const first = state.tokens.length
  const lineMax = state.lineMax
  state.lineMax = close
  state.md.block.tokenize(state, startLine + 1, close)
  state.lineMax = lineMax
  shape(name, state.tokens, first, state)
  const end = state.push('component_close', '', -1)
  end.block = true
  end.meta = { name }
  state.line = close + 1
  return true
}

/** Marks the parts of a component's content that the renderer turns into caption or credit. */
function shape(name: ComponentName, tokens: Token[], first: number, state: StateBlock): void {
  const paragraphs: number[] = []
  for (let i = first; i < tokens.length; i++)
    if (tokens[i]?.type === 'paragraph_open' && tokens[i]?.level === state.level) paragraphs.push(i)
  if (name === 'figure') {
    const image = paragraphs[0]
    if (image === undefined) return
    // The image stands on its own (no <p> around it); every later block is the caption.
    const at = (i: number) => tokens[i] as Token
    at(image).hidden = true
    at(image + 2).hidden = true
    if (image + 3 < tokens.length) {
      tokens.splice(image + 3, 0, new state.Token('figcaption_open', 'figcaption', 1))
      tokens.push(new state.Token('figcaption_close', 'figcaption', -1))
    }
  }
  if (name === 'quote') {
    const last = paragraphs[paragraphs.length - 1]
    if (last === undefined || paragraphs.length < 2) return
    // Inline parsing comes later: the credit is recognised on the paragraph's source text.
    const inline = tokens[last + 1]
    if (inline?.type !== 'inline' || !/^(—|--)\s*/.test(inline.content)) return
    inline.content = inline.content.replace(/^(—|--)\s*/, '— ')
    // The credit leaves the quotation: it is not what was said.
    const credit = tokens.splice(last, 3)
    credit[0] = Object.assign(new state.Token('figcaption_open', 'figcaption', 1), {
      block: true,
    })
    credit[2] = Object.assign(new state.Token('figcaption_close', 'figcaption', -1), {
      block: true,
    })
    tokens.push(new state.Token('blockquote_end', '', 0), ...credit)
  }
}

const OPEN_HTML: Record<ComponentName, string> = {
  quote: '<figure class="pull-quote"><blockquote>\n',
  action: '<aside class="call-to-action">\n',
  figure: '<figure class="captioned">\n',
}
const CLOSE_HTML: Record<ComponentName, string> = {
  quote: '</figure>\n',
  action: '</aside>\n',
  figure: '</figure>\n',
}

/** Adds the components to a markdown-it instance (block rule and renderer rules). */
export function usePageComponents(md: MarkdownIt): void {
  md.block.ruler.before('fence', 'component', componentRule, {
    alt: ['paragraph', 'reference', 'blockquote', 'list'],
  })
  // Only componentRule makes these tokens, always with a name.
  const nameOf = (token: Token | undefined) =>
    (token?.meta as { name: ComponentName } | undefined)?.name ?? 'action'
  md.renderer.rules.component_open = (tokens, idx) => OPEN_HTML[nameOf(tokens[idx])]
  md.renderer.rules.component_close = (tokens, idx) => {
    const name = nameOf(tokens[idx])
    // A quote without a credit still needs its blockquote closed.
    const hadEnd = name === 'quote' && endedHere(tokens, idx)
    return `${name === 'quote' && !hadEnd ? '</blockquote>\n' : ''}${CLOSE_HTML[name]}`
  }
  md.renderer.rules.blockquote_end = () => '</blockquote>\n'
}

/** Whether the quote closing at `idx` already ended its blockquote before a credit. */
function endedHere(tokens: Token[], idx: number): boolean {
  for (let i = idx - 1; i >= 0; i--) {
    const t = tokens[i]
    if (t?.type === 'component_open') return false
    if (t?.type === 'blockquote_end') return true
  }
  return false
}
