import { allow } from '../../auth/policy.js'

allow('read', 'Settings', (actor) => actor.hasOrgRole(['administrator']))
allow('update', 'Settings', (actor) => actor.hasOrgRole(['administrator']))
allow('read', 'Role', () => true)
