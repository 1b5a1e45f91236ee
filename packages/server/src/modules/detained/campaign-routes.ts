import { approveCampaignSchema } from '@haven/core/detained/campaign-schemas'
import { detainedParamsSchema, setPublicFigureSchema } from '@haven/core/detained/detained-schemas'
import { detainedView } from '@haven/core/detained/detained-views'
import { defineRoute, found, inCompartment, type RequestInput } from '../../api/api-route.js'
import { visibleInRestricted } from '../../compartments/restricted-compartment.js'
import { approveCampaign, setPublicFigure, withdrawCampaign } from './campaign-service.js'
import { findWorker } from './detained-store.js'
import { presentDetained } from './detained-views.js'

/** The record at `:id`, missing (404) to anyone without a grant in its compartment itself. */
const workerAtId = async ({ app, params, actor }: RequestInput<{ id: string }>) =>
  visibleInRestricted(actor, found(await findWorker(app.database.db, params.id)))
const approving = {
  kind: 'policy',
  entity: 'DetainedWorker',
  action: 'manage',
  load: workerAtId,
  record: inCompartment,
} as const

export const campaignRoutes = [
  defineRoute({
    method: 'put',
    path: '/detained/:id/campaign',
    summary:
      'Approve the public campaign page, choosing exactly which fields go public (EN and JA text)',
    tag: 'detained',
    access: approving,
    params: detainedParamsSchema,
    body: approveCampaignSchema,
    response: detainedView,
    errors: ['notFound', 'forbidden', 'validationFailed', 'recordFrozen'],
    async handle({ app, params, body, actor, record, audit: by }) {
      await approveCampaign(app, record, body, by)
      const row = found(await findWorker(app.database.db, params.id))
      return presentDetained(app, actor(), row, by.requestId)
    },
  }),
  defineRoute({
    method: 'delete',
    path: '/detained/:id/campaign',
    summary: 'Withdraw the public campaign page: off the site (410 Gone there), its texts erased',
    tag: 'detained',
    access: approving,
    params: detainedParamsSchema,
    response: detainedView,
    errors: ['notFound', 'forbidden', 'recordFrozen'],
    async handle({ app, params, actor, record, audit: by }) {
      await withdrawCampaign(app, record, by)
      const row = found(await findWorker(app.database.db, params.id))
      return presentDetained(app, actor(), row, by.requestId)
    },
  }),
  defineRoute({
    method: 'put',
    path: '/detained/:id/public-figure',
    summary:
      'Mark the record a public figure or no longer one (coordinators of its compartment; clearing it takes the name off a live campaign page; audited)',
    tag: 'detained',
    // Whether a person may be named in public: those who may read the name decide it.
    access: {
      kind: 'policy',
      entity: 'DetainedWorker',
      action: 'identify',
      load: workerAtId,
      record: inCompartment,
    },
    params: detainedParamsSchema,
    body: setPublicFigureSchema,
    response: detainedView,
    errors: ['notFound', 'forbidden', 'validationFailed', 'versionConflict', 'recordFrozen'],
    async handle({ app, params, body, actor, record, audit: by }) {
      await setPublicFigure(app, record, body, by)
      const row = found(await findWorker(app.database.db, params.id))
      return presentDetained(app, actor(), row, by.requestId)
    },
  }),
]
