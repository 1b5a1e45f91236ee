import type { AuditTables } from '../audit/audit-tables.js'
import type { AuthTables, SessionTables } from '../auth/auth-tables.js'
import type { CompartmentTables } from '../compartments/compartment-tables.js'
import type { CryptoTables } from '../crypto/crypto-tables.js'
import type { CmsTables } from '../modules/cms/cms-tables.js'
import type { ContactTables } from '../modules/inbox/inbox-tables.js'
import type { NotificationTables } from '../modules/notifications/notification-tables.js'
import type { PeopleTables } from '../modules/people/people-tables.js'
import type { ShelterTables } from '../modules/shelters/shelter-tables.js'
import type { SuppliesTables } from '../modules/supplies/supplies-tables.js'
import type { SiteTables } from '../site/site-tables.js'

/**
 * The whole database as Kysely sees it: each module declares its tables in its own
 * `*-tables.ts` and they meet here.
 */
export interface Database
  extends AuthTables,
    SessionTables,
    CompartmentTables,
    AuditTables,
    CryptoTables,
    PeopleTables,
    ShelterTables,
    NotificationTables,
    CmsTables,
    SiteTables,
    ContactTables,
    SuppliesTables {}
