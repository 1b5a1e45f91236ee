import { z } from 'zod'

/**
 * Every setting Haven reads, with its default and an example shown when a value is wrong.
 * Names are the environment variables; `haven.config.json` uses the same names.
 */
export interface SettingSpec {
  schema: z.ZodType
  example: string
  description: string
}

const port = z.coerce
  .number({ error: 'is not a port number' })
  .int('is not a whole number')
  .min(0, 'is below 0')
  .max(65535, 'is above 65535')

const positiveInt = (what: string) =>
  z.coerce
    .number({ error: `is not a number of ${what}` })
    .int('is not a whole number')
    .positive('must be above 0')

const httpUrl = z
  .string()
  .trim()
  .refine((value) => /^https?:\/\/[^\s/]+/.test(value) && URL.canParse(value), {
    error: 'is not an absolute http(s) URL',
  })

/** `DATABASE_URL`: unset or a file path means SQLite; `postgres://…` means PostgreSQL. */
export const databaseUrlSchema = z
  .string()
  .trim()
  .refine((value) => isPostgresUrl(value) || isSqlitePath(value), {
    error: 'is not a sqlite file path or postgres:// URL',
  })

export function isPostgresUrl(value: string): boolean {
  return /^postgres(ql)?:\/\/[^\s]+$/.test(value)
}

function isSqlitePath(value: string): boolean {
  // A path, not a URL of some other scheme (a typo like postgress:// must not become a file name).
  return value.length > 0 && !/^[a-z][a-z0-9+.-]*:\/\//i.test(value) && !/[\0\n\r]/.test(value)
}

export const SETTINGS = {
  PORT: {
    schema: port.default(3000),
    example: '3000',
    description: 'Port for the public site, staff app and API together (0 picks a free port).',
  },
  HOST: {
    schema: z.string().trim().min(1, 'is empty').default('127.0.0.1'),
    example: '0.0.0.0',
    description: 'Address to listen on. The default keeps Haven on this machine only.',
  },
  PUBLIC_PORT: {
    schema: port.optional(),
    example: '8080',
    description: 'With STAFF_PORT: serve the public site alone on this port.',
  },
  STAFF_PORT: {
    schema: port.optional(),
    example: '8443',
    description:
      'With PUBLIC_PORT: serve the staff app and API alone on this port (keep it off the internet).',
  },
  PUBLIC_URL: {
    schema: httpUrl.optional(),
    example: 'https://haven.example.org',
    description:
      'Address of the public site, used in canonical links and feeds. Defaults to http://localhost:PORT.',
  },
  STAFF_URL: {
    schema: httpUrl.optional(),
    example: 'https://staff.haven.example.org',
    description:
      'Address of the staff app, used in setup and reset links. Defaults to PUBLIC_URL, or http://localhost:STAFF_PORT when split.',
  },
  DATA_DIR: {
    schema: z.string().trim().min(1, 'is empty').default('./data'),
    example: './data',
    description: 'Folder for the SQLite database, keys and uploads.',
  },
  HAVEN_MASTER_KEY_FILE: {
    schema: z.string().trim().min(1, 'is empty').optional(),
    example: '/media/haven-key/master.key',
    description:
      'File holding the master key (default DATA_DIR/keys/master.key, created at first start). HAVEN_MASTER_KEY (environment only) is used when the file is absent.',
  },
  HAVEN_SEALED: {
    schema: z
      .enum(['true', 'false'], { error: 'is not true or false' })
      .default('false')
      .transform((v) => v === 'true'),
    example: 'true',
    description:
      'Sealed mode: start without the master key and wait for an operator to unseal with the passphrase (haven unseal, or /unseal on this machine).',
  },
  ROTATION_SETTLE_SECONDS: {
    schema: z.coerce
      .number({ error: 'is not a number of seconds' })
      .int('is not a whole number')
      .min(0, 'is below 0')
      .max(3600, 'is above an hour')
      .default(31),
    example: '31',
    description:
      'Before its final sweep, a key rotation waits this long after starting, so every server instance has dropped its cached old keys (30 s). 0 is safe with a single server.',
  },
  DATABASE_URL: {
    schema: databaseUrlSchema.optional(),
    example: 'postgres://haven@127.0.0.1:5432/haven or ./data/haven.db',
    description:
      'Unset: SQLite at DATA_DIR/haven.db. A file path: SQLite there. postgres://…: PostgreSQL.',
  },
  DATABASE_POOL_SIZE: {
    schema: positiveInt('connections').max(200, 'is above 200').default(10),
    example: '10',
    description: 'PostgreSQL connections per server process.',
  },
  SQLITE_STARTUP_CHECK: {
    schema: z
      .enum(['full', 'quick', 'off'], { error: 'is not one of full, quick, off' })
      .default('full'),
    example: 'quick',
    description:
      'Integrity check of the SQLite file at start: full (integrity_check), quick (quick_check) or off.',
  },
  LOG_LEVEL: {
    schema: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
        error: 'is not one of fatal, error, warn, info, debug, trace, silent',
      })
      .default('info'),
    example: 'info',
    description: 'How much the server logs (JSON lines on standard output).',
  },
  ORG_NAME: {
    schema: z
      .string()
      .trim()
      .min(1, 'is empty')
      .max(200, 'is longer than 200 characters')
      .default('Haven'),
    example: 'Life Funds for Refugees',
    description: 'The organisation’s name (passwords may not contain it).',
  },
  BODY_LIMIT_BYTES: {
    schema: positiveInt('bytes').default(1_048_576),
    example: '1048576',
    description: 'Largest JSON request body accepted.',
  },
  SHUTDOWN_GRACE_MS: {
    schema: positiveInt('milliseconds').default(10_000),
    example: '10000',
    description: 'How long shutdown waits for requests in flight before closing them.',
  },
  SESSION_IDLE_MINUTES: {
    schema: positiveInt('minutes')
      .max(24 * 60, 'is above a day')
      .default(15),
    example: '15',
    description: 'A staff session ends after this long without a request.',
  },
  SESSION_ABSOLUTE_HOURS: {
    schema: positiveInt('hours')
      .max(7 * 24, 'is above a week')
      .default(12),
    example: '12',
    description: 'A staff session ends this long after sign-in, however active.',
  },
  TRUST_PROXY: {
    schema: z
      .enum(['true', 'false'], { error: 'is not true or false' })
      .default('false')
      .transform((v) => v === 'true'),
    example: 'true',
    description: 'Behind a reverse proxy: trust X-Forwarded-For and X-Forwarded-Proto from it.',
  },
  AUDIT_CHECKPOINT_ENTRIES: {
    schema: positiveInt('entries').default(1000),
    example: '1000',
    description: 'The server writes a signed audit checkpoint after this many new entries…',
  },
  AUDIT_CHECKPOINT_HOURS: {
    schema: positiveInt('hours')
      .max(7 * 24, 'is above a week')
      .default(24),
    example: '24',
    description: '…or after this many hours, whichever comes first.',
  },
  AUDIT_CHECKPOINT_FILE: {
    schema: z.string().trim().min(1, 'is empty').optional(),
    example: '/mnt/witness/haven-checkpoints.log',
    description:
      'File each checkpoint is also appended to, outside the database (default DATA_DIR/audit/checkpoints.log; "off": database only). Put it where the database cannot write.',
  },
  WORKERS: {
    schema: positiveInt('server processes').max(64, 'is above 64').optional(),
    example: '2',
    description:
      'Server processes answering requests (default: one per core; "haven serve --workers N" overrides it). Each holds its own database pool: PostgreSQL sees WORKERS × DATABASE_POOL_SIZE connections.',
  },
} as const satisfies Record<string, SettingSpec>

export type SettingName = keyof typeof SETTINGS

/**
 * Variables read from the environment only, not from haven.config.json (a secret, or where the
 * file itself is). Listed so the README's settings table can be checked against the code.
 */
export const ENVIRONMENT_ONLY = [
  'HAVEN_MASTER_KEY',
  'HAVEN_CONFIG',
  'APP_DIST',
  'HAVEN_DISCLOSURE_SECRET',
] as const
