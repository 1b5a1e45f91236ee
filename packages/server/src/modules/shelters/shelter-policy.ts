import { allow } from '../../auth/policy.js'

/**
 * Shelters: everyone working in a shelter sees it (codes, capacity, who lives there by code);
 * coordinators change its details and mark it compromised (or undo that). Opening a new shelter
 * creates a compartment, so it needs a coordinator for every shelter or an administrator.
 * Residents and the incident log are kept by coordinators and caseworkers, who alone read the
 * log's sealed notes.
 */
const SEES = ['coordinator', 'caseworker', 'field_worker'] as const
const KEEPS = ['coordinator', 'caseworker'] as const

allow('list', 'Shelter', (actor, s) => actor.hasRoleIn(s.compartmentId, SEES))
allow('read', 'Shelter', (actor, s) => actor.hasRoleIn(s.compartmentId, SEES))
allow('create', 'Shelter', (actor) => actor.hasOrgRole(['administrator', 'coordinator']))
allow('update', 'Shelter', (actor, s) => actor.hasRoleIn(s.compartmentId, ['coordinator']))
allow('manage', 'Shelter', (actor, s) => actor.hasRoleIn(s.compartmentId, ['coordinator']))

allow('create', 'ShelterRecord', (actor, s) => actor.hasRoleIn(s.compartmentId, KEEPS))
allow('update', 'ShelterRecord', (actor, s) => actor.hasRoleIn(s.compartmentId, KEEPS))
allow('identify', 'ShelterRecord', (actor, s) => actor.hasRoleIn(s.compartmentId, KEEPS))
