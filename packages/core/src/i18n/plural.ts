import type { Locale } from './locales.js'

/**
 * Plural forms, as ICU MessageFormat writes them: `{count, plural, one {# entry} other {# entries}}`.
 * The branch is chosen by the language's own rules (Intl.PluralRules: English has "one" and
 * "other", Japanese only "other", so a Japanese text writes its counter word once: `{count} 件`).
 * `=N` branches match an exact number first. In a branch, `#` is the number and `{name}` any other
 * parameter. Only this subset of ICU is understood; it is all the catalogs need.
 */
const PLURAL_START = /\{(\w+), plural,/g
const BRANCH = /\s*(=\d+|zero|one|two|few|many|other)\s*\{/y

export type PluralValues = Readonly<Record<string, string | number>>

const rulesByLocale = new Map<string, Intl.PluralRules>()

/** The plural category of `value` in `locale` ("one", "other"…). */
export function pluralCategory(locale: Locale | string, value: number): Intl.LDMLPluralRule {
  let rules = rulesByLocale.get(locale)
  if (!rules) {
    rules = new Intl.PluralRules(locale)
    rulesByLocale.set(locale, rules)
  }
  return rules.select(value)
}

/** A parameter as a number for choosing a branch: "1,234" (already formatted) counts as 1234. */
function asNumber(value: string | number | undefined): number {
  if (typeof value === 'number') return value
  if (value === undefined) return Number.NaN
  return Number(value.replace(/[\s,\u00a0\u202f]/g, ''))
}

interface PluralBlock {
  name: string
  start: number
  end: number
  branches: Map<string, string>
}

/** Parses the plural block whose `{name, plural,` starts at `start`; null if it is malformed. */
function parseBlock(
  template: string,
  start: number,
  name: string,
  from: number,
): PluralBlock | null {
  const branches = new Map<string, string>()
  let at = from
  for (;;) {
    BRANCH.lastIndex = at
    const selector = BRANCH.exec(template)
    if (!selector?.[1]) break
    let depth = 1
    let i = BRANCH.lastIndex
    for (; i < template.length && depth > 0; i++) {
      if (template[i] === '{') depth += 1
      else if (template[i] === '}') depth -= 1
    }
    if (depth !== 0) return null
    branches.set(selector[1], template.slice(BRANCH.lastIndex, i - 1))
    at = i
  }
  const close = /\s*\}/y
  close.lastIndex = at
  if (!close.exec(template) || !branches.has('other')) return null
  return { name, start, end: close.lastIndex, branches }
}

/** Every plural block of a template, in order (for checking catalogs). */
export function pluralBlocks(template: string): PluralBlock[] {
  const blocks: PluralBlock[] = []
  PLURAL_START.lastIndex = 0
  for (let m = PLURAL_START.exec(template); m; m = PLURAL_START.exec(template)) {
    const block = parseBlock(template, m.index, m[1] ?? '', PLURAL_START.lastIndex)
    if (!block) throw new Error(`malformed plural at ${m.index} in "${template}"`)
    blocks.push(block)
    PLURAL_START.lastIndex = block.end
  }
  return blocks
}

/** Replaces each plural block by its branch for the value of its parameter (`#` → the value). */
export function selectPlurals(locale: Locale, template: string, values: PluralValues): string {
  if (!template.includes(', plural,')) return template
  let out = ''
  let last = 0
  for (const block of pluralBlocks(template)) {
    const raw = values[block.name]
    out += template.slice(last, block.start)
    last = block.end
    if (raw === undefined) {
      out += `{${block.name}}` // left visible, as a missing placeholder is
      continue
    }
    const n = asNumber(raw)
    const branch =
      block.branches.get(`=${n}`) ??
      (Number.isFinite(n) ? block.branches.get(pluralCategory(locale, n)) : undefined) ??
      block.branches.get('other') ??
      ''
    out += branch.replaceAll('#', String(raw))
  }
  return out + template.slice(last)
}

/**
 * "1 entry", "3 entries": a count with its English noun, for text that is English only (the
 * `haven` command's output). Uses the same rules as the catalogs.
 */
export function countOf(n: number, one: string, other: string): string {
  return `${n} ${pluralCategory('en', n) === 'one' ? one : other}`
}
