import type { Migration } from 'kysely'
import * as m0001 from './2026-11-26-0001-users.js'

/**
 * Every migration, in order. Names start with the date they were written so they sort the
 * way they must run; a migration is never edited once it has shipped, only followed by another.
 */
export const MIGRATIONS: Readonly<Record<string, Migration>> = Object.freeze({
  '2026-11-26-0001-users': m0001,
})
