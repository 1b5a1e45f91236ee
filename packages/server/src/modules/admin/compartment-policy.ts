import { allow } from '../../auth/policy.js'

allow('list', 'Compartment', () => true)
allow(
  'read',
  'Compartment',
  (actor, c) => actor.hasOrgRole(['administrator']) || actor.canSeeCompartment(c.id),
)
allow('create', 'Compartment', (actor) => actor.hasOrgRole(['administrator']))
allow('update', 'Compartment', (actor) => actor.hasOrgRole(['administrator']))
