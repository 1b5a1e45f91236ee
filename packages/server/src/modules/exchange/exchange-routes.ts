import { importQuerySchema, importReportView } from '@haven/core/exchange/exchange-schema'
import { defineRoute } from '../../api/api-route.js'
import { errors } from '../../http/errors.js'
import { importPeople } from './people-import-service.js'

/** A spreadsheet of 100,000 people with every column filled stays under this. */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024

export const exchangeRoutes = [
  defineRoute({
    method: 'post',
    path: '/exchange/people/imports',
    summary:
      'Import people from a CSV (UTF-8 or Shift_JIS) or XLSX file: dryRun=1 checks every row and writes nothing; otherwise all rows or none, skipping rows imported before',
    tag: 'exchange',
    access: {
      kind: 'policy',
      entity: 'Person',
      action: 'create',
      // The people are registered in the compartment the query names.
      record: (_loaded, { query }) => ({ compartmentId: query.compartmentId }),
    },
    query: importQuerySchema,
    upload: { maxBytes: MAX_IMPORT_BYTES },
    response: importReportView,
    errors: [
      'notFound',
      'forbidden',
      'validationFailed',
      'payloadTooLarge',
      'importUnreadable',
      'importHasErrors',
      'importDuplicates',
      'importConflict',
      'recordFrozen',
    ],
    async handle({ app, raw, query, audit: by }) {
      if (!raw || raw.byteLength === 0) throw errors.importUnreadable({ reason: 'empty' })
      return importPeople(app, raw, query, by)
    },
  }),
]
