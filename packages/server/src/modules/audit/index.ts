import type { AUDIT_ABILITIES } from '@haven/core/audit/audit-abilities'
import { can } from '../../auth/policy.js'
import { type AbilitiesOf, defineModule } from '../../haven-module.js'
import { auditLogPolicy } from './audit-policy.js'
import { auditRoutes } from './audit-routes.js'

/** The audit log screen for auditors (the log itself is the platform's, in audit/). */
export const auditModule = defineModule({
  name: 'audit',
  routes: auditRoutes,
  policies: [auditLogPolicy],
  async abilities(actor): Promise<AbilitiesOf<(typeof AUDIT_ABILITIES)[number]>> {
    return { audit: can(actor, 'read', 'AuditLog', {}) }
  },
})
