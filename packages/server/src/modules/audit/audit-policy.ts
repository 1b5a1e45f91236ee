import { definePolicy } from '../../auth/policy.js'

declare module '../../auth/policy.js' {
  interface Entities {
    AuditLog: Record<string, never>
  }
}

// Auditors read the log; nobody writes it except Haven itself, and nobody edits it.
export const auditLogPolicy = definePolicy('AuditLog', {
  read: (actor) => actor.hasOrgRole(['auditor']),
})
