import { appEn } from './messages/app.en.js'
import { authEn } from './messages/auth.en.js'
import { commonEn } from './messages/common.en.js'
import { menuEn } from './messages/menu.en.js'
import { peopleEn } from './messages/people.en.js'

/**
 * The first part of the English catalog: the words of the shell (menu, header, sign-in, account)
 * and of the people module, whose list is the screen most often opened first. The staff app
 * fetches only this part before its first screen; the rest (catalog-rest-en) comes with the
 * first page that needs it. catalog-en joins the two.
 */
export const enFirst = {
  ...commonEn,
  ...appEn,
  ...authEn,
  ...peopleEn,
  ...menuEn,
} as const

export type FirstMessageKey = keyof typeof enFirst
