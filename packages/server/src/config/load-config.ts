import { existsSync, readFileSync } from 'node:fs'
import { isAbsolute, join, resolve } from 'node:path'
import type { z } from 'zod'
import { isPostgresUrl, SETTINGS, type SettingName } from './config-schema.js'

type Parsed = { [K in SettingName]: z.output<(typeof SETTINGS)[K]['schema']> }

export type DatabaseConfig =
  | { kind: 'sqlite'; file: string }
  | { kind: 'postgres'; url: string; poolSize: number }

export interface Config {
  host: string
  /** One listener for everything, or two: the public site apart from the staff side. */
  listeners:
    | { kind: 'combined'; port: number }
    | { kind: 'split'; publicPort: number; staffPort: number }
  /** Explicit addresses, if the operator set them; see resolveUrls for the effective ones. */
  publicUrl: string | undefined
  staffUrl: string | undefined
  dataDir: string
  masterKeyFile: string
  /** Start without the master key; an operator unseals with the passphrase. */
  sealed: boolean
  /** See ROTATION_SETTLE_SECONDS. */
  rotationSettleMs: number
  database: DatabaseConfig
  sqliteStartupCheck: 'full' | 'quick' | 'off'
  logLevel: Parsed['LOG_LEVEL']
  orgName: string
  bodyLimitBytes: number
  shutdownGraceMs: number
  trustProxy: boolean
  sessionIdleMs: number
  sessionAbsoluteMs: number
  /** Routine signed audit checkpoints: after this many entries or hours; also to this file. */
  auditCheckpointEntries: number
  auditCheckpointHours: number
  auditCheckpointFile: string | null
  /** Server processes for `haven serve`; undefined: one per core. */
  workers: number | undefined
}

export interface Urls {
  public: string
  staff: string
  /** Plain http on localhost: the only case where cookies may go without Secure. */
  insecureLocalhost: boolean
}

/** The ports the settings ask for (before listening: PORT=0 is only known once bound). */
export function configuredPorts(config: Config): { public: number; staff: number } {
  return config.listeners.kind === 'combined'
    ? { public: config.listeners.port, staff: config.listeners.port }
    : { public: config.listeners.publicPort, staff: config.listeners.staffPort }
}

/** The addresses people use, once the listening ports are known (PORT=0 picks one at start). */
export function resolveUrls(config: Config, ports: { public: number; staff: number }): Urls {
  const publicUrl = trimSlash(config.publicUrl ?? `http://localhost:${ports.public}`)
  const staffUrl = trimSlash(
    config.staffUrl ?? config.publicUrl ?? `http://localhost:${ports.staff}`,
  )
  return { public: publicUrl, staff: staffUrl, insecureLocalhost: isLocalHttp(staffUrl) }
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '')
}

function isLocalHttp(url: string): boolean {
  const parsed = new URL(url)
  return (
    parsed.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(parsed.hostname)
  )
}

/** A configuration problem, worded as one line an operator can act on. */
export class ConfigError extends Error {
  override name = 'ConfigError'
}

export interface ConfigSources {
  env: Readonly<Record<string, string | undefined>>
  /** Folder where `haven.config.json` is looked for (the working directory). */
  cwd: string
}

/** Reads settings from the environment over an optional `haven.config.json`; throws ConfigError. */
export function loadConfig({ env, cwd }: ConfigSources): Config {
  const file = readConfigFile(env.HAVEN_CONFIG ?? join(cwd, 'haven.config.json'))
  const values: Record<string, unknown> = {}
  for (const name of Object.keys(SETTINGS) as SettingName[]) {
    const fromEnv = env[name]
    const raw = fromEnv !== undefined && fromEnv !== '' ? fromEnv : file[name]
    const spec = SETTINGS[name]
    const result = spec.schema.safeParse(raw)
    if (!result.success) {
      const problem = result.error.issues[0]?.message ?? 'is not valid'
      throw new ConfigError(`${name}: ${JSON.stringify(raw)} ${problem} (example: ${spec.example})`)
    }
    values[name] = result.data
  }
  const v = values as Parsed
  return buildConfig(v, cwd)
}

function buildConfig(v: Parsed, cwd: string): Config {
  if ((v.PUBLIC_PORT === undefined) !== (v.STAFF_PORT === undefined)) {
    throw new ConfigError(
      'PUBLIC_PORT and STAFF_PORT: set both to split the public site from the staff side, or neither (example: PUBLIC_PORT=8080 STAFF_PORT=8443)',
    )
  }
  if (v.PUBLIC_PORT !== undefined && v.PUBLIC_PORT !== 0 && v.PUBLIC_PORT === v.STAFF_PORT) {
    throw new ConfigError(
      `STAFF_PORT: ${v.STAFF_PORT} is the same as PUBLIC_PORT (example: PUBLIC_PORT=8080 STAFF_PORT=8443)`,
    )
  }
  const dataDir = isAbsolute(v.DATA_DIR) ? v.DATA_DIR : resolve(cwd, v.DATA_DIR)
  const database: DatabaseConfig =
    v.DATABASE_URL && isPostgresUrl(v.DATABASE_URL)
      ? { kind: 'postgres', url: v.DATABASE_URL, poolSize: v.DATABASE_POOL_SIZE }
      : {
          kind: 'sqlite',
          file: v.DATABASE_URL ? resolve(cwd, v.DATABASE_URL) : join(dataDir, 'haven.db'),
        }
  const listeners: Config['listeners'] =
    v.PUBLIC_PORT !== undefined && v.STAFF_PORT !== undefined
      ? { kind: 'split', publicPort: v.PUBLIC_PORT, staffPort: v.STAFF_PORT }
      : { kind: 'combined', port: v.PORT }
  const staffUrl = v.STAFF_URL ?? v.PUBLIC_URL
  if (staffUrl && new URL(staffUrl).protocol === 'http:' && !isLocalHttp(staffUrl)) {
    throw new ConfigError(
      `${v.STAFF_URL ? 'STAFF_URL' : 'PUBLIC_URL'}: ${JSON.stringify(staffUrl)} is plain http on a public name; staff sessions need https (example: https://haven.example.org)`,
    )
  }
  return Object.freeze({
    host: v.HOST,
    listeners,
    publicUrl: v.PUBLIC_URL,
    staffUrl: v.STAFF_URL,
    dataDir,
    masterKeyFile: v.HAVEN_MASTER_KEY_FILE
      ? resolve(cwd, v.HAVEN_MASTER_KEY_FILE)
      : join(dataDir, 'keys', 'master.key'),
    sealed: v.HAVEN_SEALED,
    rotationSettleMs: v.ROTATION_SETTLE_SECONDS * 1000,
    database,
    sqliteStartupCheck: v.SQLITE_STARTUP_CHECK,
    logLevel: v.LOG_LEVEL,
    orgName: v.ORG_NAME,
    bodyLimitBytes: v.BODY_LIMIT_BYTES,
    shutdownGraceMs: v.SHUTDOWN_GRACE_MS,
    trustProxy: v.TRUST_PROXY,
    sessionIdleMs: v.SESSION_IDLE_MINUTES * 60_000,
    sessionAbsoluteMs: v.SESSION_ABSOLUTE_HOURS * 3_600_000,
    auditCheckpointEntries: v.AUDIT_CHECKPOINT_ENTRIES,
    auditCheckpointHours: v.AUDIT_CHECKPOINT_HOURS,
    auditCheckpointFile:
      v.AUDIT_CHECKPOINT_FILE === 'off'
        ? null
        : v.AUDIT_CHECKPOINT_FILE
          ? resolve(cwd, v.AUDIT_CHECKPOINT_FILE)
          : join(dataDir, 'audit', 'checkpoints.log'),
    workers: v.WORKERS,
  })
}

function readConfigFile(path: string): Record<string, unknown> {
  if (!existsSync(path)) return {}
  let parsed: unknown
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'))
  } catch (error) {
    throw new ConfigError(`${path}: is not valid JSON (${(error as Error).message})`)
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ConfigError(`${path}: must hold a JSON object such as {"PORT": 3000}`)
  }
  const unknown = Object.keys(parsed).filter((key) => !(key in SETTINGS))
  if (unknown.length > 0) {
    throw new ConfigError(
      `${path}: unknown setting ${unknown.join(', ')} (known: ${Object.keys(SETTINGS).join(', ')})`,
    )
  }
  // Numbers and booleans in JSON arrive as their string forms, as they would from the environment.
  return Object.fromEntries(
    Object.entries(parsed).map(([k, val]) => [k, typeof val === 'string' ? val : String(val)]),
  )
}
