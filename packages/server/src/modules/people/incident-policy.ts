import { allow } from '../../auth/policy.js'

/** Field workers are often first to know of an arrest: they may record incidents, not edit them. */
allow('list', 'Incident', (actor, i) =>
  actor.hasRoleIn(i.compartmentId, ['coordinator', 'caseworker', 'field_worker']),
)
allow('read', 'Incident', (actor, i) =>
  actor.hasRoleIn(i.compartmentId, ['coordinator', 'caseworker', 'field_worker']),
)
allow('create', 'Incident', (actor, i) =>
  actor.hasRoleIn(i.compartmentId, ['coordinator', 'caseworker', 'field_worker']),
)
allow('update', 'Incident', (actor, i) =>
  actor.hasRoleIn(i.compartmentId, ['coordinator', 'caseworker']),
)
allow('identify', 'Incident', (actor, i) =>
  actor.hasRoleIn(i.compartmentId, ['coordinator', 'caseworker']),
)
