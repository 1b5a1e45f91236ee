import { v7 } from 'uuid'

/** A new record id: UUIDv7, so ids sort by creation time and index well on both databases. */
export function newId(): string {
  return v7()
}
