import { birthYear } from '@haven/core/people/person-rules'
import { identitySchema } from '@haven/core/people/person-schema'
import { registerBlindIndex } from '../../crypto/sealed-registry.js'
import { deleteTermsIn, replaceTerms } from './person-store.js'

/**
 * How a person's search terms are rebuilt when their compartment's index key rotates: the same
 * variants as at registration (every name script, the birth year), under the new key.
 */
registerBlindIndex('Person', {
  async reindex(db, { compartmentId, recordId, values, terms, exactTerm }) {
    const raw = values.identity
    if (!raw) return
    const identity = identitySchema.parse(JSON.parse(raw))
    const all: string[] = []
    for (const name of identity.names) for (const t of await terms(name.value)) all.push(t.term)
    // Rotation runs on a record's stored birth; "today" only matters for approximate ages.
    const year = birthYear(identity.birth, new Date().toISOString().slice(0, 10))
    if (year !== null) all.push(await exactTerm(`y:${year}`))
    await replaceTerms(db, recordId, compartmentId, all)
  },
  async purge(db, compartmentId) {
    await deleteTermsIn(db, compartmentId)
  },
})

/** Importing this module registers the index; the constant makes the import visible to bundlers. */
export const PEOPLE_BLIND_INDEX_REGISTERED = true
