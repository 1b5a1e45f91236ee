import { z } from 'zod'

/**
 * What the app may offer a person, computed by the server from its policies (never guessed from
 * roles): hiding a link is convenience, the API still refuses. Each module adds its own keys from
 * its `core/src/<name>/<name>-abilities.ts` by declaration merging:
 *
 *     declare module '../auth/abilities.js' {
 *       interface Abilities { workCases: boolean }
 *     }
 *
 * and its server module computes them (`abilities` in its HavenModule).
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by each module (declaration merging).
export interface Abilities {}

/** The abilities as the API sends them: one boolean per key, whichever modules are installed. */
export const abilitiesView = z.record(z.string(), z.boolean()) as unknown as z.ZodType<Abilities>
