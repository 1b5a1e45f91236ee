import { describe, expect, it } from 'vitest'
import { loadConfig, resolveUrls } from './load-config.js'

const load = (env: Record<string, string>) => loadConfig({ env, cwd: '/srv/haven' })

describe('loadConfig', () => {
  it('defaults serve the embedded case: SQLite in ./data on port 3000, this machine only', () => {
    const config = load({})
    expect(config.database).toEqual({ kind: 'sqlite', file: '/srv/haven/data/haven.db' })
    expect(config.listeners).toEqual({ kind: 'combined', port: 3000 })
    expect(config.host).toBe('127.0.0.1')
    expect(resolveUrls(config, { public: 3000, staff: 3000 })).toEqual({
      public: 'http://localhost:3000',
      staff: 'http://localhost:3000',
      insecureLocalhost: true,
    })
  })

  it('takes postgres:// URLs as PostgreSQL and paths as SQLite files', () => {
    expect(load({ DATABASE_URL: 'postgres://haven@db:5432/haven' }).database).toEqual({
      kind: 'postgres',
      url: 'postgres://haven@db:5432/haven',
      poolSize: 10,
    })
    expect(load({ DATABASE_URL: 'var/haven.sqlite' }).database).toEqual({
      kind: 'sqlite',
      file: '/srv/haven/var/haven.sqlite',
    })
  })

  it.each([
    [
      { DATABASE_URL: 'postgress://x' },
      'DATABASE_URL: "postgress://x" is not a sqlite file path or postgres:// URL (example: postgres://haven@127.0.0.1:5432/haven or ./data/haven.db)',
    ],
    [{ PORT: 'eighty' }, 'PORT: "eighty" is not a port number (example: 3000)'],
    [{ PORT: '70000' }, 'PORT: "70000" is above 65535 (example: 3000)'],
    [
      { LOG_LEVEL: 'loud' },
      'LOG_LEVEL: "loud" is not one of fatal, error, warn, info, debug, trace, silent (example: info)',
    ],
    [
      { PUBLIC_URL: 'haven.example.org' },
      'PUBLIC_URL: "haven.example.org" is not an absolute http(s) URL (example: https://haven.example.org)',
    ],
    [
      { PUBLIC_URL: 'http://haven.example.org' },
      'PUBLIC_URL: "http://haven.example.org" is plain http on a public name; staff sessions need https (example: https://haven.example.org)',
    ],
    [
      { PUBLIC_PORT: '8080' },
      'PUBLIC_PORT and STAFF_PORT: set both to split the public site from the staff side, or neither (example: PUBLIC_PORT=8080 STAFF_PORT=8443)',
    ],
  ])('%j → one line naming the variable, the problem and an example', (env, message) => {
    expect(() => load(env)).toThrow(message)
    try {
      load(env)
    } catch (error) {
      expect((error as Error).message).not.toContain('\n')
    }
  })

  it('splits the public site and the staff side onto two ports', () => {
    const config = load({ PUBLIC_PORT: '8080', STAFF_PORT: '8443' })
    expect(config.listeners).toEqual({ kind: 'split', publicPort: 8080, staffPort: 8443 })
    expect(resolveUrls(config, { public: 8080, staff: 8443 })).toMatchObject({
      public: 'http://localhost:8080',
      staff: 'http://localhost:8443',
    })
  })
})
