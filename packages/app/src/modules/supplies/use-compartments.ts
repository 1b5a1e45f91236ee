import type { CompartmentView } from '@haven/core/auth/auth-views'
import { useLoad } from '../../components/load-state.js'
import { api } from '../../lib/api-client.js'

/** Shelters and programmes the person can see (an inbox receives no distributions). */
export function useCompartments() {
  return useLoad(
    async () =>
      (await api<CompartmentView[]>('GET', '/compartments')).filter(
        (c) => c.kind !== 'inbox' && c.status === 'active',
      ),
    'compartments',
  )
}

export function todayIso(): string {
  return new Date().toISOString().slice(0, 10)
}
