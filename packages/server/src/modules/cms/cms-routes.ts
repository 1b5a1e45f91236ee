import {
  addTranslationSchema,
  createEntrySchema,
  entryOptionsSchema,
  idParams,
  imageWeightSchema,
  listEntriesQuerySchema,
  previewSchema,
  revisionParams,
  saveDocumentSchema,
} from '@haven/core/cms/cms-schemas'
import {
  documentView as documentViewSchema,
  entrySummaryView,
  entryView,
  imageWeightView,
  previewView,
  revisionView as revisionViewSchema,
} from '@haven/core/cms/cms-views'
import { z } from 'zod'
import { defineRoute } from '../../api/api-route.js'
import { errors } from '../../http/errors.js'
import { presentDocument, presentEntries, presentEntry, revisionView } from './cms-presenters.js'
import {
  pageImageWeight,
  previewMarkdown,
  publishDocument,
  unpublishDocument,
} from './cms-publish.js'
import {
  addTranslation,
  createEntry,
  moveDocument,
  removeEntry,
  restoreRevision,
  saveDocument,
  updateEntryOptions,
} from './cms-service.js'
import { findDocument, findEntry, listEntries, listRevisions } from './cms-store.js'

const TAG = 'website'
const okView = z.object({ ok: z.literal(true) })

/** Routes that act on one document of an entry (a language version). */
function documentAction(
  path: string,
  summary: string,
  act: 'submit' | 'return' | 'publish' | 'unpublish',
) {
  return defineRoute({
    method: 'post',
    path: `/cms/documents/:id/${path}`,
    summary,
    tag: TAG,
    access: { kind: 'policy', entity: 'SiteContent', action: 'manage' },
    params: idParams,
    response: documentViewSchema,
    errors: ['notFound', 'forbidden', 'workflowState', 'slugTaken'],
    async handle({ app, params, audit: by }) {
      const db = app.database.db
      const document =
        act === 'publish'
          ? await publishDocument(app, db, params.id, by)
          : act === 'unpublish'
            ? await unpublishDocument(app, db, params.id, by)
            : await moveDocument(app, db, params.id, act, by)
      return presentDocument(db, document, app.urls.public)
    },
  })
}

/** Pages, news, reports and FAQ answers: entries with one document per language. */
export const cmsRoutes = [
  defineRoute({
    method: 'get',
    path: '/cms/entries',
    summary: 'Website entries (pages, news, reports, FAQ) with their language versions',
    tag: TAG,
    access: { kind: 'policy', entity: 'SiteContent', action: 'list' },
    query: listEntriesQuerySchema,
    response: z.array(entrySummaryView),
    async handle({ app, query }) {
      const db = app.database.db
      return presentEntries(db, await listEntries(db, query.kind), app.urls.public)
    },
  }),
  defineRoute({
    method: 'post',
    path: '/cms/entries',
    summary: 'Start an entry with its first language version (a draft)',
    tag: TAG,
    access: { kind: 'policy', entity: 'SiteContent', action: 'create' },
    body: createEntrySchema,
    response: entryView,
    successStatus: 201,
    errors: ['validationFailed', 'slugTaken', 'forbidden'],
    async handle({ app, body, audit: by }) {
      const db = app.database.db
      return presentEntry(db, await createEntry(app, db, body, by), app.urls.public)
    },
  }),
  defineRoute({
    method: 'get',
    path: '/cms/entries/:id',
    summary: 'One entry with every language version',
    tag: TAG,
    access: { kind: 'policy', entity: 'SiteContent', action: 'read' },
    params: idParams,
    response: entryView,
    errors: ['notFound'],
    async handle({ app, params }) {
      const entry = await findEntry(app.database.db, params.id)
      if (!entry) throw errors.notFound()
      return presentEntry(app.database.db, entry, app.urls.public)
    },
  }),
  defineRoute({
    method: 'patch',
    path: '/cms/entries/:id',
    summary: 'Change a report’s fiscal year, or an FAQ answer’s topic and order',
    tag: TAG,
    access: { kind: 'policy', entity: 'SiteContent', action: 'update' },
    params: idParams,
    body: entryOptionsSchema,
    response: entryView,
    errors: ['notFound', 'validationFailed'],
    async handle({ app, params, body, audit: by }) {
      const db = app.database.db
      return presentEntry(
        db,
        await updateEntryOptions(app, db, params.id, body, by),
        app.urls.public,
      )
    },
  }),
  defineRoute({
    method: 'delete',
    path: '/cms/entries/:id',
    summary: 'Delete an entry that is not published in any language',
    tag: TAG,
    access: { kind: 'policy', entity: 'SiteContent', action: 'delete' },
    params: idParams,
    response: okView,
    errors: ['notFound', 'entryLive'],
    async handle({ app, params, audit: by }) {
      await removeEntry(app, app.database.db, params.id, by)
      return { ok: true as const }
    },
  }),
  defineRoute({
    method: 'post',
    path: '/cms/entries/:id/translations',
    summary: 'Add a language version to an entry (linked as its translation)',
    tag: TAG,
    access: { kind: 'policy', entity: 'SiteContent', action: 'create' },
    params: idParams,
    body: addTranslationSchema,
    response: entryView,
    successStatus: 201,
    errors: ['notFound', 'validationFailed', 'slugTaken', 'translationExists'],
    async handle({ app, params, body, audit: by }) {
      const db = app.database.db
      const entry = await findEntry(db, params.id)
      if (!entry) throw errors.notFound()
      const { locale, ...content } = body
      await addTranslation(app, db, entry, locale, content, by)
      return presentEntry(db, entry, app.urls.public)
    },
  }),
  defineRoute({
    method: 'put',
    path: '/cms/documents/:id',
    summary: 'Save a language version as a new revision (back to draft if it changed)',
    tag: TAG,
    access: { kind: 'policy', entity: 'SiteContent', action: 'update' },
    params: idParams,
    body: saveDocumentSchema,
    response: documentViewSchema,
    errors: ['notFound', 'validationFailed', 'slugTaken', 'conflict'],
    async handle({ app, params, body, audit: by }) {
      const db = app.database.db
      const { baseRevision, ...content } = body
      return presentDocument(
        db,
        await saveDocument(app, db, params.id, content, baseRevision, by),
        app.urls.public,
      )
    },
  }),
  defineRoute({
    method: 'post',
    path: '/cms/preview',
    summary: 'Render Markdown exactly as publishing would (images inlined for the editor)',
    tag: TAG,
    access: { kind: 'policy', entity: 'SiteContent', action: 'read' },
    body: previewSchema,
    response: previewView,
    async handle({ app, body }) {
      return { html: await previewMarkdown(app.database.db, body.body) }
    },
  }),
  defineRoute({
    method: 'post',
    path: '/cms/image-weight',
    summary:
      "What a page's images would weigh on a 390 px phone, against the budget publishing enforces",
    tag: TAG,
    access: { kind: 'policy', entity: 'SiteContent', action: 'read' },
    body: imageWeightSchema,
    response: imageWeightView,
    async handle({ app, body }) {
      return pageImageWeight(app.database.db, body)
    },
  }),
  documentAction('submit', 'Send a draft for review', 'submit'),
  documentAction('return', 'Send a document in review back to draft', 'return'),
  documentAction('publish', 'Publish a reviewed document to the public site', 'publish'),
  documentAction('unpublish', 'Take a document off the public site', 'unpublish'),
  defineRoute({
    method: 'get',
    path: '/cms/documents/:id/revisions',
    summary: 'Every saved revision of a language version, newest first',
    tag: TAG,
    access: { kind: 'policy', entity: 'SiteContent', action: 'read' },
    params: idParams,
    response: z.array(revisionViewSchema),
    errors: ['notFound'],
    async handle({ app, params }) {
      const db = app.database.db
      const document = await findDocument(db, params.id)
      if (!document) throw errors.notFound()
      return (await listRevisions(db, document.id)).map((r) =>
        revisionView(r, document.live_revision),
      )
    },
  }),
  defineRoute({
    method: 'post',
    path: '/cms/documents/:id/revisions/:revisionId/restore',
    summary: 'Make an earlier revision the working copy again (as a new revision)',
    tag: TAG,
    access: { kind: 'policy', entity: 'SiteContent', action: 'update' },
    params: revisionParams,
    response: documentViewSchema,
    errors: ['notFound', 'slugTaken'],
    async handle({ app, params, audit: by }) {
      const db = app.database.db
      return presentDocument(
        db,
        await restoreRevision(app, db, params.id, params.revisionId, by),
        app.urls.public,
      )
    },
  }),
]
