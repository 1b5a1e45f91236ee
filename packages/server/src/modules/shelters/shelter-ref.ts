import type { Db } from '../../db/db-handle.js'
import { findShelterByCode } from './shelter-store.js'

/** What other modules may know of a shelter: never its caretaker or log. */
export interface ShelterRef {
  code: string
  compartmentId: string
  status: string
}

/** The shelter with this public code (YAN-02), or undefined. */
export async function shelterRefByCode(db: Db, code: string): Promise<ShelterRef | undefined> {
  const shelter = await findShelterByCode(db, code)
  return (
    shelter && { code: shelter.code, compartmentId: shelter.compartment_id, status: shelter.status }
  )
}
