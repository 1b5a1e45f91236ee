import type { MatrixModule, Scope } from '../support/matrix.js'
import { buildEntry, buildFaqGroup, testPngBase64, testSlug } from '../support/site-factories.js'

const editors: Scope = { kind: 'org', allow: ['editor'] }

/** The public website's content: editors only (administrators included in the refusal). */
export const matrix: MatrixModule = {
  rows: {
    // The public website's content: editors only (administrators included in the refusal).
    'GET /cms/entries': { scope: editors, call: () => ({ path: '/cms/entries' }) },
    'POST /cms/entries': {
      scope: editors,
      call: () => ({
        path: '/cms/entries',
        body: { kind: 'page', locale: 'en', slug: testSlug(), title: 'New', body: '' },
      }),
    },
    'GET /cms/entries/:id': {
      scope: editors,
      call: async (f) => ({ path: `/cms/entries/${(await buildEntry(f.app)).entry.id}` }),
    },
    'PATCH /cms/entries/:id': {
      scope: editors,
      call: async (f) => ({
        path: `/cms/entries/${(await buildEntry(f.app, { kind: 'report' })).entry.id}`,
        body: { fiscalYear: 2006 },
      }),
    },
    'DELETE /cms/entries/:id': {
      scope: editors,
      call: async (f) => ({ path: `/cms/entries/${(await buildEntry(f.app)).entry.id}` }),
    },
    'POST /cms/entries/:id/translations': {
      scope: editors,
      call: async (f) => ({
        path: `/cms/entries/${(await buildEntry(f.app)).entry.id}/translations`,
        body: { locale: 'ja', slug: testSlug(), title: '新しいページ', body: '' },
      }),
    },
    'PUT /cms/documents/:id': {
      scope: editors,
      call: async (f) => {
        const { document } = await buildEntry(f.app)
        return {
          path: `/cms/documents/${document.id}`,
          body: {
            slug: document.slug,
            title: 'Changed',
            body: 'x',
            baseRevision: document.revision,
          },
        }
      },
    },
    'POST /cms/preview': {
      scope: editors,
      call: () => ({ path: '/cms/preview', body: { title: 'T', body: '# Hello' } }),
    },
    'POST /cms/image-weight': {
      scope: editors,
      call: () => ({ path: '/cms/image-weight', body: { heroImage: null, body: '# Hello' } }),
    },
    'POST /cms/documents/:id/submit': {
      scope: editors,
      call: async (f) => ({
        path: `/cms/documents/${(await buildEntry(f.app)).document.id}/submit`,
      }),
    },
    'POST /cms/documents/:id/return': {
      scope: editors,
      call: async (f) => ({
        path: `/cms/documents/${(await buildEntry(f.app, { stage: 'in_review' })).document.id}/return`,
      }),
    },
    'POST /cms/documents/:id/publish': {
      scope: editors,
      call: async (f) => ({
        path: `/cms/documents/${(await buildEntry(f.app, { stage: 'in_review' })).document.id}/publish`,
      }),
    },
    'POST /cms/documents/:id/unpublish': {
      scope: editors,
      call: async (f) => ({
        path: `/cms/documents/${(await buildEntry(f.app, { stage: 'published' })).document.id}/unpublish`,
      }),
    },
    'GET /cms/documents/:id/revisions': {
      scope: editors,
      call: async (f) => ({
        path: `/cms/documents/${(await buildEntry(f.app)).document.id}/revisions`,
      }),
    },
    'POST /cms/documents/:id/revisions/:revisionId/restore': {
      scope: editors,
      call: async (f) => {
        const { document } = await buildEntry(f.app)
        const revision = await f.app.database.db
          .selectFrom('cms_revisions')
          .select('id')
          .where('document_id', '=', document.id)
          .executeTakeFirstOrThrow()
        return { path: `/cms/documents/${document.id}/revisions/${revision.id}/restore` }
      },
    },
    'GET /cms/navigation': { scope: editors, call: () => ({ path: '/cms/navigation' }) },
    'PUT /cms/navigation': {
      scope: editors,
      call: () => ({
        path: '/cms/navigation',
        body: { items: [{ section: 'home' }, { section: 'news' }, { section: 'contact' }] },
      }),
    },
    'GET /cms/impact-figures': { scope: editors, call: () => ({ path: '/cms/impact-figures' }) },
    'GET /cms/identity': { scope: editors, call: () => ({ path: '/cms/identity' }) },
    'PUT /cms/impact-figures': {
      scope: editors,
      call: () => ({
        path: '/cms/impact-figures',
        body: {
          fiscalYear: 2005,
          figures: [
            {
              key: 'supplies.food.tonnes',
              sensitivity: 'quantity',
              value: 12,
              label: { en: 'tonnes of food', ja: 'トンの食料' },
            },
          ],
        },
      }),
    },
    'PUT /cms/identity': {
      scope: editors,
      call: () => ({ path: '/cms/identity', body: { accent: '#8a1538', logoImageId: null } }),
    },
    'GET /cms/faq-groups': { scope: editors, call: () => ({ path: '/cms/faq-groups' }) },
    'POST /cms/faq-groups': {
      scope: editors,
      call: () => ({ path: '/cms/faq-groups', body: { names: { en: 'Topic', ja: 'テーマ' } } }),
    },
    'PUT /cms/faq-groups/order': {
      scope: editors,
      call: async (f) => {
        const groups = await f.app.database.db.selectFrom('site_faq_groups').select('id').execute()
        return { path: '/cms/faq-groups/order', body: { ids: groups.map((g) => g.id).reverse() } }
      },
    },
    'PATCH /cms/faq-groups/:id': {
      scope: editors,
      call: async (f) => ({
        path: `/cms/faq-groups/${await buildFaqGroup(f.app)}`,
        body: { names: { en: 'Renamed' } },
      }),
    },
    'DELETE /cms/faq-groups/:id': {
      scope: editors,
      call: async (f) => ({ path: `/cms/faq-groups/${await buildFaqGroup(f.app)}` }),
    },
    'GET /cms/images': { scope: editors, call: () => ({ path: '/cms/images' }) },
    'POST /cms/images': {
      scope: editors,
      call: () => ({ path: '/cms/images', body: { label: 'A chart', data: testPngBase64() } }),
    },
    'DELETE /cms/images/:id': {
      scope: editors,
      call: async (f) => {
        const { uploadImage } = await import('../../src/modules/cms/image-service.js')
        const image = await uploadImage(
          f.app,
          f.app.database.db,
          { label: '', data: testPngBase64() },
          { actorId: null, requestId: null },
        )
        return { path: `/cms/images/${image.id}` }
      },
    },
  },
}
