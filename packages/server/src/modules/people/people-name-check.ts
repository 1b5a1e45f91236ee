import { textNameCandidates } from '@haven/core/privacy/name-normalize'
import type { AppContext } from '../../app-context.js'
import type { Actorish } from '../../audit/audit-log.js'
import { audit } from '../../auth/auth-audit.js'
import type { Db } from '../../db/db-handle.js'
import { findPerson, termsOfPerson } from './person-store.js'

/** Where in a caller's text one of a person's registered names appears (UTF-16 offsets). */
export interface NameSpan {
  at: number
  length: number
}

/**
 * Where a text holds any of a person's registered names or name parts, in any script and case
 * (kana, kanji, Hangul, Latin; katakana and hiragana compare equal), without opening the identity
 * and without returning a name: each stretch of the text that could be a name part (see
 * textNameCandidates) is keyed like the name index (`f:`/`t:` terms, under every index key version
 * of the person's compartment) and compared with the person's stored terms. The spans point into
 * the caller's own text. Empty when the person is unknown or their compartment was shredded.
 *
 * The check consults identifying data, so it is audited (`person.name_checked`, with the number of
 * spans found, never the text); the caller must already be authorized on the person's compartment.
 */
export async function nameSpansIn(
  app: AppContext,
  db: Db,
  personId: string,
  text: string,
  by: Actorish,
): Promise<NameSpan[]> {
  const person = await findPerson(db, personId)
  if (!person) return []
  const stored = new Set(await termsOfPerson(db, personId))
  const candidates = textNameCandidates(text)
  const spans: NameSpan[] = []
  if (stored.size > 0 && candidates.length > 0) {
    const values = candidates.flatMap((c) => [`f:${c.normalized}`, `t:${c.normalized}`])
    // lookupTerms keys every value under each key version in turn, so term i is value i mod n.
    const keyed = await app.crypto.fields.lookupTerms(db, person.compartment_id, values)
    const hit = new Set<number>()
    keyed.forEach((term, i) => {
      if (stored.has(term)) hit.add(Math.floor((i % values.length) / 2))
    })
    for (const i of [...hit].sort((a, b) => a - b)) {
      const c = candidates[i]
      if (c) spans.push({ at: c.at, length: c.length })
    }
  }
  await audit(app, db, {
    actorId: by.actorId,
    action: 'person.name_checked',
    entityType: 'Person',
    entityId: person.id,
    compartmentId: person.compartment_id,
    requestId: by.requestId,
    details: { found: spans.length },
  })
  return spans
}
