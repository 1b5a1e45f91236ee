import type { Catalog } from './catalog-en.js'
import { jaFirst } from './catalog-first-ja.js'
import { jaRest } from './catalog-rest-ja.js'

/** The Japanese catalog, in the same two parts as the English one. */
export const ja: Catalog = { ...jaFirst, ...jaRest }
