import { definePolicy } from '../../auth/policy.js'

declare module '../../auth/policy.js' {
  interface Entities {
    Settings: Record<string, never>
    Role: Record<string, never>
  }
}

export const settingsPolicy = definePolicy('Settings', {
  read: (actor) => actor.hasOrgRole(['administrator']),
  update: (actor) => actor.hasOrgRole(['administrator']),
})

export const rolePolicy = definePolicy('Role', { read: () => true })
