import { allow } from '../../auth/policy.js'

allow(
  'list',
  'Grant',
  (actor, g) => actor.hasOrgRole(['administrator']) || actor.userId === g.userId,
)
// Nobody grants themselves more: an administrator's own grants are changed by another administrator.
allow(
  'create',
  'Grant',
  (actor, g) => actor.hasOrgRole(['administrator']) && actor.userId !== g.userId,
)
allow(
  'delete',
  'Grant',
  (actor, g) => actor.hasOrgRole(['administrator']) && actor.userId !== g.userId,
)
