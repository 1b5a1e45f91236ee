import type { AuditTables } from '../audit/audit-tables.js'
import type { AuthTables, SessionTables } from '../auth/auth-tables.js'
import type { CompartmentTables } from '../compartments/compartment-tables.js'
import type { CryptoTables } from '../crypto/crypto-tables.js'
import type { DisclosureTables } from '../disclosure/ledger-tables.js'
import type { NotificationTables } from '../notifications/notification-tables.js'
import type { SiteTables } from '../site/site-tables.js'

/**
 * The whole database as Kysely sees it: the platform's tables here, and each module's joined from
 * its own `<name>-tables.ts` with
 *
 *     declare module '../../db/schema.js' { interface Database extends PeopleTables {} }
 */
export interface Database
  extends AuthTables,
    SessionTables,
    CompartmentTables,
    AuditTables,
    CryptoTables,
    DisclosureTables,
    NotificationTables,
    SiteTables {}
