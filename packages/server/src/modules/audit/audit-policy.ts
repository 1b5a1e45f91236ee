import { allow } from '../../auth/policy.js'

// Auditors read the log; nobody writes it except Haven itself, and nobody edits it.
allow('read', 'AuditLog', (actor) => actor.hasOrgRole(['auditor']))
