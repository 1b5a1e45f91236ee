import { allMigrations } from '../../src/db/migrations/index.js'
import { MODULES } from '../../src/modules/index.js'

/** Every migration of this Haven (the platform's and each module's), as the server runs them. */
export const MIGRATIONS = allMigrations(MODULES)
