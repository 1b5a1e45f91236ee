import { z } from 'zod'

/** One entry of the audit log as auditors see it (never a name, note or other identifying value). */
export const auditEntryView = z.object({
  seq: z.number().int(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorLoginName: z.string().nullable(),
  action: z.string(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  /** The code people know the record by (C-0012), for the types whose module offers one. */
  entityCode: z.string().nullable(),
  compartmentId: z.string().nullable(),
  outcome: z.string(),
  requestId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
})
export type AuditEntryView = z.infer<typeof auditEntryView>
