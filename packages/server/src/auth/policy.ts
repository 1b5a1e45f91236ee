import { errors } from '../http/errors.js'
import type { Actor } from './actor.js'

/** Things a policy can be asked about. A record passed to a rule carries its compartment if it has one. */
export interface Entities {
  User: { id: string }
  Compartment: { id: string }
  Grant: { userId: string; compartmentId: string | null }
  /** People and everything recorded about them carry their compartment. */
  Person: { compartmentId: string }
  Case: { compartmentId: string }
  Incident: { compartmentId: string }
  AuditLog: Record<string, never>
  Settings: Record<string, never>
  Role: Record<string, never>
  /** A key owner's keys: a compartment's (by id), or Haven's own (`system`). */
  Keys: { ownerId: string }
  /** The website's content: pages, news, reports, FAQ, navigation, images (organisation-wide). */
  SiteContent: Record<string, never>
  /** A message from the public site's forms, sealed in an inbox compartment. */
  ContactMessage: { compartmentId: string }
  /** A shelter, by its compartment (its id is the compartment's id). */
  Shelter: { compartmentId: string }
  /** A shelter's residents and its incident and oversight log. */
  ShelterRecord: { compartmentId: string }
  /** Items, locations, stock and its movements: the organisation's logistics. */
  Supplies: Record<string, never>
  /** Dated exchange rates entered by finance. */
  ExchangeRate: Record<string, never>
  AllowancePolicy: { compartmentId: string }
  Distribution: { compartmentId: string }
}
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

type Rule<E extends EntityName> = (actor: Actor, record: Entities[E]) => boolean

const rules = new Map<string, Rule<EntityName>[]>()

/**
 * Declares that `action` on `entity` is allowed when `rule` says so. Anything never allowed is
 * denied: there is no way to declare a deny, and no default allow.
 */
export function allow<E extends EntityName>(action: Action, entity: E, rule: Rule<E>): void {
  const key = `${entity}:${action}`
  const list = rules.get(key) ?? []
  list.push(rule as Rule<EntityName>)
  rules.set(key, list)
}

export function can<E extends EntityName>(
  actor: Actor,
  action: Action,
  entity: E,
  record: Entities[E],
): boolean {
  return (rules.get(`${entity}:${action}`) ?? []).some((rule) => rule(actor, record))
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

export function isDeclared(entity: EntityName, action: Action): boolean {
  return rules.has(`${entity}:${action}`)
}

/**
 * Throws unless allowed. A record in a compartment the actor has no grant in is answered as
 * missing (404), so its existence is not revealed; otherwise a refusal is 403.
 */
export function authorize<E extends EntityName>(
  actor: Actor,
  action: Action,
  entity: E,
  record: Entities[E],
  options: { compartmentId?: string | null } = {},
): void {
  if (can(actor, action, entity, record)) return
  const compartmentId = options.compartmentId
  if (compartmentId && !actor.canSeeCompartment(compartmentId)) throw errors.notFound()
  throw errors.forbidden()
}
