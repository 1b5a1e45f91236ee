import {
  DEFAULT_DISCLOSURE_SETTINGS,
  type DisclosureSettings,
  type DisclosureSettingsView,
  disclosureSettingsSchema,
  type UpdateDisclosureSettings,
} from '@haven/core/report/disclosure-settings'
import { DisclosureError, type DisclosurePolicy, parsePolicy } from '@haven/disclosure'
import type { AppContext } from '../../app-context.js'
import type { Actorish } from '../../audit/audit-log.js'
import { audit } from '../../auth/auth-audit.js'
import { readSetting, writeSetting } from '../../auth/settings-store.js'
import type { Db } from '../../db/db-handle.js'
import { errors } from '../../http/errors.js'
import { currentRoundingSecret } from './report-secret.js'

const KEY = 'report.disclosure_policy'

interface Stored {
  readonly settings: DisclosureSettings
  readonly version: number
  readonly updatedAt: string | null
}

/** The organisation's disclosure settings as saved, or the defaults (version 0) before any save. */
export async function readDisclosureSettings(db: Db): Promise<Stored> {
  const raw = await readSetting(db, KEY)
  if (raw === undefined)
    return { settings: DEFAULT_DISCLOSURE_SETTINGS, version: 0, updatedAt: null }
  const parsed = JSON.parse(raw) as { settings: unknown; version: number; updatedAt: string }
  return {
    settings: disclosureSettingsSchema.parse(parsed.settings),
    version: parsed.version,
    updatedAt: parsed.updatedAt,
  }
}

/**
 * The engine's policy for the organisation's publications: its thresholds and rounding, with a
 * hidden count of people written as words in both languages ("several", 数名), as the seed
 * report does. Throws the engine's `invalid_policy` when the words no longer fit the thresholds.
 */
export function enginePolicy(settings: DisclosureSettings): DisclosurePolicy {
  return parsePolicy({
    rules: {
      'people-protected': {
        threshold: settings.thresholds['people-protected'],
        hiddenAs: 'words',
      },
      'people-served': {
        threshold: settings.thresholds['people-served'],
        hiddenAs: 'words',
        rounding: settings.roundingBase === null ? null : { base: settings.roundingBase },
      },
    },
  })
}

/** The settings with the rounding secret's public name, for administrators and editors. */
export async function presentDisclosureSettings(
  app: AppContext,
  db: Db,
): Promise<DisclosureSettingsView> {
  const stored = await readDisclosureSettings(db)
  const secret = await currentRoundingSecret(app, db)
  return {
    ...stored.settings,
    version: stored.version,
    updatedAt: stored.updatedAt,
    roundingSecret: {
      version: secret.version,
      fingerprint: secret.fingerprint,
      createdAt: secret.createdAt,
    },
  }
}

function changedFields(before: DisclosureSettings, after: DisclosureSettings): string[] {
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)
  return (['thresholds', 'roundingBase', 'dangerousNumbers'] as const).filter(
    (k) => !same(before[k], after[k]),
  )
}

/**
 * Saves an administrator's settings, at the version they read; refused (422) when the engine
 * cannot apply them, so a saved policy always compiles. Audited with what changed.
 */
export async function updateDisclosureSettings(
  app: AppContext,
  input: UpdateDisclosureSettings,
  by: Actorish,
): Promise<void> {
  const { version, ...settings } = input
  const next: DisclosureSettings = {
    ...settings,
    dangerousNumbers: [...new Set(settings.dangerousNumbers)].sort((a, b) => a - b),
  }
  try {
    enginePolicy(next)
  } catch (error) {
    if (error instanceof DisclosureError)
      throw errors.reportPolicyInvalid({ problems: error.details.join('; ') })
    throw error
  }
  await app.database.db.transaction().execute(async (trx) => {
    const current = await readDisclosureSettings(trx)
    if (current.version !== version) throw errors.versionConflict()
    const at = app.now().toISOString()
    await writeSetting(
      trx,
      KEY,
      JSON.stringify({ settings: next, version: version + 1, updatedAt: at }),
      at,
    )
    await audit(app, trx, {
      actorId: by.actorId,
      action: 'report.policy_changed',
      entityType: 'DisclosurePolicy',
      entityId: 'organisation',
      compartmentId: null,
      requestId: by.requestId,
      // What changed, by name, and the new thresholds: the numbers on the list stay out of the log.
      details: {
        version: version + 1,
        changed: changedFields(current.settings, next),
        thresholdProtected: next.thresholds['people-protected'],
        thresholdServed: next.thresholds['people-served'],
        roundingBase: next.roundingBase,
        dangerousNumbers: next.dangerousNumbers.length,
      },
    })
  })
}

/** What a compile needs to protect the figures, read in `db` (the publishing transaction). */
export async function reportProtection(
  app: AppContext,
  db: Db,
): Promise<{ settings: DisclosureSettings; roundingSecret: Uint8Array }> {
  const { settings } = await readDisclosureSettings(db)
  return { settings, roundingSecret: (await currentRoundingSecret(app, db)).secret }
}
