import pino, { type Logger } from 'pino'

/**
 * JSON log lines on standard output. Handlers never pass request data in, and as a second line of
 * defence any field named like a secret or an identity is censored wherever it appears.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'haven' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: {
        paths: [
          '*.password',
          '*.token',
          '*.cookie',
          '*.authorization',
          '*.name',
          '*.names',
          '*.notes',
          '*.phone',
          'password',
          'token',
          'cookie',
          'authorization',
          'name',
          'names',
          'notes',
          'phone',
        ],
        censor: '[redacted]',
      },
    },
    destination ?? pino.destination({ fd: 1, sync: false }),
  )
}
