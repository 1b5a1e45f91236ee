import { ORGANISATION_ROLES, type Role } from '@haven/core/auth/roles'

export interface ActorGrant {
  id: string
  role: Role
  /** Null: organisation-wide (every compartment, for compartment roles). */
  compartmentId: string | null
}

/**
 * The signed-in person making a request, with every grant they hold. Policies ask it questions;
 * nothing else decides what a user may do.
 */
export class Actor {
  constructor(
    readonly userId: string,
    readonly grants: readonly ActorGrant[],
    readonly session: { idHash: string; reauthAt: string | null; authMethod: string },
    /** Compartments that open only to grants made in them (resettlement, detained workers). */
    readonly restricted: ReadonlySet<string> = new Set(),
    /**
     * Every compartment's id, read with `restricted` when the session was resolved, for an actor
     * with an organisation-wide grant (its list routes ask for them): one statement per request,
     * not two. A snapshot of this request only; never kept across requests.
     */
    readonly everyCompartment?: readonly string[],
  ) {}

  /** Whether an organisation-wide grant reaches the compartment: not a restricted one. */
  private orgWideReaches(compartmentId: string): boolean {
    return !this.restricted.has(compartmentId)
  }

  /** Roles that apply in a compartment: granted there, or organisation-wide (not restricted). */
  rolesIn(compartmentId: string): Set<Role> {
    return new Set(
      this.grants
        .filter(
          (g) =>
            g.compartmentId === compartmentId ||
            (g.compartmentId === null && this.orgWideReaches(compartmentId)),
        )
        .map((g) => g.role),
    )
  }

  hasRoleIn(compartmentId: string, roles: readonly Role[]): boolean {
    const held = this.rolesIn(compartmentId)
    return roles.some((r) => held.has(r))
  }

  /** An organisation-wide grant of one of `roles`. */
  hasOrgRole(roles: readonly Role[]): boolean {
    return this.grants.some((g) => g.compartmentId === null && roles.includes(g.role))
  }

  /**
   * Whether the compartment's records exist for this actor: a grant there, or an organisation-wide
   * grant of a compartment role (coordinator for every shelter, say). Organisation roles
   * (administrator, auditor, editor) do not open compartments: their holders get 404, not 403.
   * A restricted compartment opens only to grants made in it.
   */
  canSeeCompartment(compartmentId: string): boolean {
    return this.grants.some(
      (g) =>
        g.compartmentId === compartmentId ||
        (g.compartmentId === null &&
          !ORGANISATION_ROLES.includes(g.role) &&
          this.orgWideReaches(compartmentId)),
    )
  }

  reauthenticatedWithin(ms: number, now: Date): boolean {
    return this.session.reauthAt !== null && now.getTime() - Date.parse(this.session.reauthAt) <= ms
  }
}
