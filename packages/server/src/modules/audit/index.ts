import { defineModule } from '../../haven-module.js'
import { auditLogPolicy } from './audit-policy.js'
import { auditRoutes } from './audit-routes.js'

/** The audit log screen for auditors (the log itself is the platform's, in audit/). */
export const auditModule = defineModule({
  name: 'audit',
  routes: auditRoutes,
  policies: [auditLogPolicy],
})
