import type { Db } from '../../db/db-handle.js'
import { aliasTaken } from './sponsorship-store.js'

// Neutral words with no link to a place, a name or a school: what a sponsor calls the child.
const WORDS = [
  'Pine',
  'River',
  'Cloud',
  'Maple',
  'Swallow',
  'Bamboo',
  'Lotus',
  'Magpie',
  'Willow',
  'Crane',
  'Plum',
  'Sparrow',
] as const

/**
 * A fresh alias such as "Willow 27": random (so it tells nothing about the order of enrolment or
 * the compartment), and unused.
 */
export async function newAlias(db: Db, random: () => number = Math.random): Promise<string> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const word = WORDS[Math.floor(random() * WORDS.length)] ?? 'Pine'
    const alias = `${word} ${String(Math.floor(random() * 90) + 10)}`
    if (!(await aliasTaken(db, alias))) return alias
  }
  // Crowded: widen the number rather than fail.
  return `${WORDS[0]} ${Math.floor(random() * 1e6)}`
}
