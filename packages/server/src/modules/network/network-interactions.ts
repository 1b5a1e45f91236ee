import type { CreateInteraction, InteractionKind } from '@haven/core/network/network-schemas'
import type { InteractionView } from '@haven/core/network/network-views'
import type { AppContext } from '../../app-context.js'
import type { Actorish } from '../../audit/audit-log.js'
import { audit } from '../../auth/auth-audit.js'
import { newId } from '../../db/ids.js'
import { insertInteraction } from './interactions-store.js'
import type { NetworkInteractionsTable, NetworkOrganisationsTable } from './network-tables.js'

/** Logs a meeting, call, letter… with a partner; the entry and its audit line are one transaction. */
export async function addInteraction(
  app: AppContext,
  organisation: NetworkOrganisationsTable,
  input: CreateInteraction,
  by: Actorish,
): Promise<NetworkInteractionsTable> {
  return app.database.db.transaction().execute(async (trx) => {
    const row: NetworkInteractionsTable = {
      id: newId(),
      organisation_id: organisation.id,
      kind: input.kind,
      on_date: input.on,
      summary: input.summary,
      created_at: app.now().toISOString(),
      created_by: by.actorId,
    }
    await insertInteraction(trx, row)
    await audit(app, trx, {
      actorId: by.actorId,
      action: 'network.interaction_logged',
      entityType: 'Partner',
      entityId: organisation.id,
      compartmentId: null,
      requestId: by.requestId,
      // The kind only: the summary is the organisation's business, not the audit log's.
      details: { interactionId: row.id, kind: row.kind },
    })
    return row
  })
}

export const presentInteraction = (row: NetworkInteractionsTable): InteractionView => ({
  id: row.id,
  organisationId: row.organisation_id,
  kind: row.kind as InteractionKind,
  on: row.on_date,
  summary: row.summary,
  createdAt: row.created_at,
})
