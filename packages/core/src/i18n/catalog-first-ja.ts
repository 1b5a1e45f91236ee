import type { FirstMessageKey } from './catalog-first-en.js'
import { appJa } from './messages/app.ja.js'
import { authJa } from './messages/auth.ja.js'
import { commonJa } from './messages/common.ja.js'
import { menuJa } from './messages/menu.ja.js'
import { peopleJa } from './messages/people.ja.js'

/** The first part of the Japanese catalog (the same modules as catalog-first-en). */
export const jaFirst: Readonly<Record<FirstMessageKey, string>> = {
  ...commonJa,
  ...appJa,
  ...authJa,
  ...peopleJa,
  ...menuJa,
}
