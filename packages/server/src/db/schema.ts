import type { AuthTables } from '../auth/auth-tables.js'

/**
 * The whole database as Kysely sees it: each module declares its tables in its own
 * `*-tables.ts` and they meet here.
 */
export interface Database extends AuthTables {}
