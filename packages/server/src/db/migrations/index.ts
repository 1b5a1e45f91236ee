import type { Migration } from 'kysely'
import * as m0001 from './2026-11-26-0001-users.js'
import * as m0002 from './2026-11-26-0002-identity-audit.js'
import * as m0003 from './2026-11-26-0003-key-store.js'
import * as m0004 from './2026-11-26-0004-key-operations.js'
import * as m0005 from './2026-11-26-0005-site.js'
import * as m0006 from './2026-11-26-0006-people.js'
import * as m0007 from './2026-11-26-0007-shelters.js'
import * as m0008 from './2026-11-26-0008-supplies.js'
import * as m0009 from './2026-11-26-0009-scale-indexes.js'
import * as m1300 from './2026-12-06-1300-audit-checkpoints.js'
import * as m2200 from './2026-12-06-2200-site-look.js'
import * as m0240 from './2026-12-07-0240-site-hero.js'
import * as m0320 from './2026-12-07-0320-media-variants.js'
import * as m1220 from './2026-12-07-1220-disclosure-releases.js'
import * as m1240 from './2026-12-07-1240-restricted-compartments.js'
import * as m1500 from './2026-12-07-1500-site-campaigns.js'
import * as m1601 from './2026-12-07-1600-site-open-data.js'
import * as m1600 from './2026-12-07-1600-site-report-pdfs.js'

/**
 * The platform's history (and, from before modules kept their own, the first modules' tables).
 * Names start with the date they were written so they sort the way they must run; a migration is
 * never edited once it has shipped, only followed by another.
 */
export const MIGRATIONS: Readonly<Record<string, Migration>> = Object.freeze({
  '2026-11-26-0001-users': m0001,
  '2026-11-26-0002-identity-audit': m0002,
  '2026-11-26-0003-key-store': m0003,
  '2026-11-26-0004-key-operations': m0004,
  '2026-11-26-0005-site': m0005,
  '2026-11-26-0006-people': m0006,
  '2026-11-26-0007-shelters': m0007,
  '2026-11-26-0008-supplies': m0008,
  '2026-11-26-0009-scale-indexes': m0009,
  '2026-12-06-1300-audit-checkpoints': m1300,
  '2026-12-06-2200-site-look': m2200,
  '2026-12-07-0240-site-hero': m0240,
  '2026-12-07-0320-media-variants': m0320,
  '2026-12-07-1220-disclosure-releases': m1220,
  '2026-12-07-1240-restricted-compartments': m1240,
  '2026-12-07-1500-site-campaigns': m1500,
  '2026-12-07-1600-site-open-data': m1601,
  '2026-12-07-1600-site-report-pdfs': m1600,
})

export type Migrations = Readonly<Record<string, Migration>>

/**
 * Every migration Haven runs: the history above and each module's own (`migrations` in its
 * HavenModule), as one list in name order, which is the order they run in. A module names its
 * migrations like these, with a later date, so they sort after what they build on; two
 * migrations with one name are refused here rather than one silently replacing the other.
 */
export function allMigrations(
  modules: readonly { name: string; migrations?: Migrations | undefined }[],
): Migrations {
  const all: Record<string, Migration> = { ...MIGRATIONS }
  for (const m of modules)
    for (const [name, migration] of Object.entries(m.migrations ?? {})) {
      if (name in all) throw new Error(`the migration ${name} of the ${m.name} module exists twice`)
      all[name] = migration
    }
  return Object.freeze(Object.fromEntries(Object.entries(all).sort(([a], [b]) => (a < b ? -1 : 1))))
}
