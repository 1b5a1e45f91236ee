import type { CreatePerson, Identity } from '@haven/core/people/person-schema'
import { PNG } from 'pngjs'
import type { AppContext } from '../../src/app-context.js'
import { cleanAttachment } from '../../src/modules/people/attachment-content.js'
import { storeAttachment } from '../../src/modules/people/attachment-routes.js'
import { addFollowUp, openCase } from '../../src/modules/people/case-service.js'
import type { CasesTable, PeopleTable } from '../../src/modules/people/people-tables.js'
import { createPerson } from '../../src/modules/people/person-service.js'

const BY = { actorId: null, requestId: null }
let counter = 0

/** A real person through the real write path (sealed identity, blind index, code, audit). */
export async function buildPerson(
  app: AppContext,
  compartmentId: string,
  identity: Partial<Identity> = {},
): Promise<PeopleTable> {
  counter += 1
  const input: CreatePerson = {
    compartmentId,
    identity: {
      names: [{ script: 'latin', value: `Test Person ${counter}` }],
      phones: [],
      ...identity,
    },
    attributes: {
      ageBand: '30-44',
      situation: 'in_shelter',
      arrivalMonth: '2006-01',
      languages: ['ko'],
      tags: [],
    },
  }
  return createPerson(app, input, BY)
}

export async function buildCase(
  app: AppContext,
  person: PeopleTable,
  options: { openedOn?: string } = {},
): Promise<CasesTable> {
  return openCase(
    app,
    person,
    {
      personId: person.id,
      type: 'medical',
      priority: 'normal',
      assigneeId: null,
      openedOn: options.openedOn ?? '2026-01-05',
      summary: 'needs a doctor',
    },
    BY,
  )
}

export async function buildFollowUp(
  app: AppContext,
  kase: CasesTable,
  dueOn = '2026-01-10',
): Promise<string> {
  return addFollowUp(app, kase, { title: 'call back', dueOn, assigneeId: null }, BY)
}

/** A small real PNG, with a text chunk standing in for metadata a camera would add. */
export function tinyPng(width = 4, height = 3): Uint8Array {
  const png = new PNG({ width, height })
  png.data.fill(200)
  return PNG.sync.write(png)
}

export async function buildAttachment(
  app: AppContext,
  owner: { type: 'person' | 'case'; id: string; compartmentId: string },
) {
  const clean = await cleanAttachment(tinyPng(), { photoOnly: false })
  return app.database.db
    .transaction()
    .execute((trx) => storeAttachment(app, trx, owner, clean, 'photo.png', BY))
}
