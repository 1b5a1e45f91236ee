import type { CompartmentKind } from '@haven/core/auth/roles'

export interface CompartmentsTable {
  id: string
  /** Public-safe code such as YAN-02; shown instead of anything that would locate a shelter. */
  code: string
  name: string
  kind: CompartmentKind
  status: 'active' | 'compromised' | 'closed'
  /** Days a closed case is kept before retention review lists it (null: no limit set). */
  retention_days: number | null
  /**
   * 1: opens only to grants made in it, never to an organisation-wide one (resettlement,
   * detained aid workers). Absent on insert: 0.
   */
  restricted?: number
  created_at: string
  updated_at: string
}

export interface CompartmentTables {
  compartments: CompartmentsTable
}
