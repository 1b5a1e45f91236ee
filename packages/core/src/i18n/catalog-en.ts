import { enFirst } from './catalog-first-en.js'
import { enRest } from './catalog-rest-en.js'

/**
 * The English catalog is the reference: every other catalog has the same keys (the type system
 * enforces it). Each module keeps its messages in `messages/<module>.<locale>.ts`; they meet in
 * two parts, the first (shell and people, what the staff app needs before its first screen) and
 * the rest. Placeholders are `{name}`.
 */
export const en = { ...enFirst, ...enRest } as const

export type MessageKey = keyof typeof en
export type Catalog = Readonly<Record<MessageKey, string>>
