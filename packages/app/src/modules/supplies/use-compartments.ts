import { useLoad } from '../../components/load-state.js'
import { apiGet } from '../../lib/typed-api.js'

/** Shelters and programmes the person can see (an inbox receives no distributions). */
export function useCompartments() {
  return useLoad(
    async () =>
      (await apiGet('/compartments')).filter((c) => c.kind !== 'inbox' && c.status === 'active'),
    'compartments',
  )
}

export function todayIso(): string {
  return new Date().toISOString().slice(0, 10)
}
