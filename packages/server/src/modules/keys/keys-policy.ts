import { allow } from '../../auth/policy.js'

// Key operations are the administrators': they see versions, rotations and exports (never key
// material, never case contents), rotate keys, and shred a compartment (after re-authenticating
// and typing its code). Nobody else touches keys.
allow('read', 'Keys', (actor) => actor.hasOrgRole(['administrator']))
allow('manage', 'Keys', (actor) => actor.hasOrgRole(['administrator']))
allow('delete', 'Keys', (actor) => actor.hasOrgRole(['administrator']))
