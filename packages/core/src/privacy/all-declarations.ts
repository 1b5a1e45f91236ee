/**
 * Importing this module declares every entity's identifying fields (like the server's
 * `policies/index.ts` does for policies), so key rotation and backups see all of them whatever
 * else was imported. A module with sealed fields adds its declaration file here, e.g.
 * `import '../people/people-identifying.js'`.
 */
export {}
