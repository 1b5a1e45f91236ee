import { allow } from '../../auth/policy.js'

// Administrators manage accounts. They do not see case contents: that takes a compartment grant.
allow('list', 'User', (actor) => actor.hasOrgRole(['administrator']))
allow(
  'read',
  'User',
  (actor, user) => actor.hasOrgRole(['administrator']) || actor.userId === user.id,
)
allow('create', 'User', (actor) => actor.hasOrgRole(['administrator']))
// An administrator cannot suspend themselves (and so lock the organisation out).
allow(
  'update',
  'User',
  (actor, user) => actor.hasOrgRole(['administrator']) && actor.userId !== user.id,
)
allow(
  'manage',
  'User',
  (actor, user) => actor.hasOrgRole(['administrator']) && actor.userId !== user.id,
)
