import { errors } from '../http/errors.js'
import type { Actor } from './actor.js'

/**
 * Things a policy can be asked about, by name, with the record a rule is given. Each module adds
 * its own entities from its `<name>-policy.ts` by declaration merging (as Hono's middlewares add
 * to `ContextVariableMap`):
 *
 *     declare module '../../auth/policy.js' {
 *       interface Entities { Person: { compartmentId: string } }
 *     }
 *
 * A record that carries a `compartmentId` belongs to that compartment: a caller who cannot see
 * the compartment is answered 404, as for a missing record, never 403 (see `authorize`).
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by each module's policy file (declaration merging).
export interface Entities {}
export type EntityName = keyof Entities

export type Action =
  | 'list'
  | 'read'
  | 'create'
  | 'update'
  | 'delete'
  | 'manage'
  | 'identify'
  | 'export'

export type Rule<E extends EntityName> = (actor: Actor, record: Entities[E]) => boolean

/** One entity's rules: who may take each action. An action without a rule is denied to everyone. */
export type EntityPolicy<E extends EntityName> = Readonly<{
  entity: E
  rules: Readonly<Partial<Record<Action, Rule<E>>>>
}>

const rules = new Map<string, Rule<EntityName>>()
const declared = new Set<EntityName>()

/**
 * Declares every rule of one entity, once, in its module's `<name>-policy.ts`; the module lists the
 * result in its `policies`. Anything not allowed here is denied: there is no way to declare a
 * deny, and no default allow. Declaring an entity twice (two modules claiming it) is an error.
 */
export function definePolicy<E extends EntityName>(
  entity: E,
  entityRules: Partial<Record<Action, Rule<E>>>,
): EntityPolicy<E> {
  if (declared.has(entity)) throw new Error(`the policy of ${entity} is declared twice`)
  declared.add(entity)
  for (const [action, rule] of Object.entries(entityRules))
    if (rule) rules.set(`${entity}:${action}`, rule as Rule<EntityName>)
  return Object.freeze({ entity, rules: Object.freeze({ ...entityRules }) })
}

export function can<E extends EntityName>(
  actor: Actor,
  action: Action,
  entity: E,
  record: Entities[E],
): boolean {
  return rules.get(`${entity}:${action}`)?.(actor, record) ?? false
}

/** Entities whose records belong to a compartment (and only that). */
export type CompartmentEntity = {
  [K in EntityName]: Entities[K] extends { compartmentId: string } ? K : never
}[EntityName]

/**
 * Whether the actor may take `action` on a record of `entity` in at least one compartment they
 * hold a grant in (organisation-wide grants count for every compartment): what the app's
 * navigation asks before offering a section.
 */
export function canSomewhere(actor: Actor, action: Action, entity: CompartmentEntity): boolean {
  return actor.grants.some((g) =>
    can(actor, action, entity, { compartmentId: g.compartmentId ?? '' } as Entities[typeof entity]),
  )
}

/** Which of `actions` the actor may take on a record, for the app to show or hide controls. */
export function abilities<E extends EntityName>(
  actor: Actor,
  entity: E,
  record: Entities[E],
  actions: readonly Action[],
): Action[] {
  return actions.filter((action) => can(actor, action, entity, record))
}

/**
 * Throws unless allowed. A record in a compartment (its `compartmentId`) the actor has no grant in
 * is answered as missing (404), so its existence is not revealed; otherwise a refusal is 403.
 */
export function authorize<E extends EntityName>(
  actor: Actor,
  action: Action,
  entity: E,
  record: Entities[E],
): void {
  if (can(actor, action, entity, record)) return
  const compartmentId = (record as { compartmentId?: unknown }).compartmentId
  if (typeof compartmentId === 'string' && compartmentId && !actor.canSeeCompartment(compartmentId))
    throw errors.notFound()
  throw errors.forbidden()
}
