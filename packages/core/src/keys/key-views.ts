import { z } from 'zod'
import { COMPARTMENT_KINDS } from '../auth/roles.js'

/** What the API sends about keys, rotations, key exports and shreds. Shared with the app. */
export const keyJobView = z.object({
  id: z.string(),
  ownerId: z.string(),
  status: z.enum(['running', 'done', 'failed']),
  done: z.number().int(),
  total: z.number().int(),
  dataVersion: z.number().int(),
  indexVersion: z.number().int(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  /** A one-line reason when it stopped; never data. */
  error: z.string().nullable(),
})
export type KeyJobView = z.infer<typeof keyJobView>

export const keyExportView = z.object({
  fingerprint: z.string(),
  createdAt: z.string(),
  masterFingerprint: z.string(),
  keyCount: z.number().int(),
  protection: z.string(),
})
export type KeyExportView = z.infer<typeof keyExportView>

/** A compartment (or Haven's own secrets, `system`) with its current key versions. */
export const keyOwnerView = z.object({
  id: z.string(),
  code: z.string(),
  kind: z.enum([...COMPARTMENT_KINDS, 'system']),
  /** 0 after a shred. */
  dataVersion: z.number().int(),
  indexVersion: z.number().int(),
  shreddedAt: z.string().nullable(),
  rotation: keyJobView.nullable(),
})
export type KeyOwnerView = z.infer<typeof keyOwnerView>

export const keysOverviewView = z.object({
  masterFingerprints: z.array(z.string()),
  /**
   * The first shred since the master key was last rotated (null: none): copies of that
   * compartment's old wrapped keys may remain in database logs, and this master key opens them.
   */
  masterRotationAdvisedSince: z.string().nullable(),
  owners: z.array(keyOwnerView),
  exports: z.array(keyExportView),
})
export type KeysOverviewView = z.infer<typeof keysOverviewView>

/** Shredding asks for the compartment's code, typed, as confirmation. */
export const shredRequestSchema = z.strictObject({
  confirmCode: z.string().trim().min(1).max(40),
})

export const shredResultView = z.object({
  code: z.string(),
  destroyedKeys: z.number().int(),
  shreddedAt: z.string(),
  /** Key exports made before the shred: they still hold the destroyed keys. */
  exportsToDestroy: z.array(keyExportView),
})
export type ShredResultView = z.infer<typeof shredResultView>

/** `:id` of a key owner: a compartment id, or `system`. */
export const keyOwnerParamsSchema = z.strictObject({ id: z.string().min(1).max(64) })
export const keyJobParamsSchema = z.strictObject({ id: z.string().min(1).max(64) })
