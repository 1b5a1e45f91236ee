import type { CompartmentView, GrantView } from '@haven/core/auth/auth-views'

/** The roles that may register a person (the server's person policy: `create`). */
const REGISTERS = new Set(['coordinator', 'caseworker'])

/**
 * Where this person may register someone: active shelters, regions and programmes (not inboxes,
 * not compartments whose keys were destroyed) in which they hold a registering role — every
 * one of them for an organisation-wide grant. Labelled "code — name" so a coordinator who works
 * everywhere can tell them apart. The server decides again; this only offers the right choices.
 */
export function registrableCompartments(
  grants: readonly Pick<GrantView, 'role' | 'compartmentId'>[],
  compartments: readonly CompartmentView[],
): { value: string; label: string }[] {
  const registering = grants.filter((g) => REGISTERS.has(g.role))
  const everywhere = registering.some((g) => g.compartmentId === null)
  const granted = new Set(registering.map((g) => g.compartmentId))
  return compartments
    .filter(
      (c) =>
        c.status === 'active' &&
        c.kind !== 'inbox' &&
        !c.shreddedAt &&
        (everywhere || granted.has(c.id)),
    )
    .map((c) => ({
      value: c.id,
      label: c.name && c.name !== c.code ? `${c.code} — ${c.name}` : c.code,
    }))
}
