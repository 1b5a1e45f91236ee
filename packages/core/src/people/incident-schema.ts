import { z } from 'zod'

export const INCIDENT_TYPES = [
  'arrest',
  'forced_repatriation',
  'detention',
  'disappearance',
  'medical_emergency',
  'security_threat',
] as const
export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const
export const DATE_PRECISIONS = ['day', 'month', 'year'] as const

const id = z.string().min(1).max(100)

/**
 * A region named at province or prefecture level ("Jilin", "Yanbian", "Tokyo"): never an address.
 * Digits are refused because street numbers, postcodes and room numbers all need them.
 */
export const regionSchema = z
  .string()
  .trim()
  .min(1)
  .max(60)
  .regex(/^[^\d０-９]+$/u, { error: 'field.region_not_address' })

export const createIncidentSchema = z
  .strictObject({
    compartmentId: id,
    type: z.enum(INCIDENT_TYPES),
    occurredOn: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, { error: 'field.date_format' }),
    datePrecision: z.enum(DATE_PRECISIONS),
    region: regionSchema,
    severity: z.enum(SEVERITIES),
    personIds: z.array(id).max(50).default([]),
    caseId: id.nullable().default(null),
    /** What happened and what follows: sealed. */
    followUp: z.string().trim().max(5000).optional(),
  })
  .superRefine((incident, ctx) => {
    const length = { day: 10, month: 7, year: 4 }[incident.datePrecision]
    if (incident.occurredOn.length !== length)
      ctx.addIssue({
        code: 'custom',
        path: ['occurredOn'],
        message: 'field.birth_precision_mismatch',
      })
  })
export type CreateIncident = z.infer<typeof createIncidentSchema>

export const updateIncidentSchema = z.strictObject({
  version: z.number().int().positive(),
  severity: z.enum(SEVERITIES).optional(),
  followUp: z.string().trim().max(5000).optional(),
  resolved: z.boolean().optional(),
})
