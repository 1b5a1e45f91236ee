import { PNG } from 'pngjs'
import type { AppContext } from '../../src/app-context.js'
import { newId } from '../../src/db/ids.js'
import { publishDocument } from '../../src/modules/cms/cms-publish.js'
import { createEntry, moveDocument } from '../../src/modules/cms/cms-service.js'
import { documentsOfEntries } from '../../src/modules/cms/cms-store.js'
import type { CmsDocumentsTable, CmsEntriesTable } from '../../src/modules/cms/cms-tables.js'
import { createFaqGroup } from '../../src/modules/cms/site-structure-service.js'
import { insertContactMessage } from '../../src/modules/inbox/inbox-store.js'
import type { ContactMessagesTable } from '../../src/modules/inbox/inbox-tables.js'

const BY = { actorId: null, requestId: 'test' }
let counter = 0

/** A unique slug for a test document. */
export function testSlug(prefix = 'doc'): string {
  counter += 1
  return `${prefix}-${counter}-${Math.random().toString(36).slice(2, 8)}`
}

/**
 * A real entry with its first (English unless told) document, through the CMS service; `stage`
 * takes it as far as review or publication.
 */
export async function buildEntry(
  app: AppContext,
  options: {
    kind?: CmsEntriesTable['kind']
    locale?: 'en' | 'ja'
    slug?: string
    title?: string
    body?: string
    stage?: 'draft' | 'in_review' | 'published'
    faqGroupId?: string
    fiscalYear?: number
    summary?: string
    heroImage?: string
    heroAlt?: string
  } = {},
): Promise<{ entry: CmsEntriesTable; document: CmsDocumentsTable }> {
  const db = app.database.db
  const kind = options.kind ?? 'page'
  const faqGroupId = kind === 'faq' ? (options.faqGroupId ?? (await buildFaqGroup(app))) : null
  const entry = await createEntry(
    app,
    db,
    {
      kind,
      locale: options.locale ?? 'en',
      slug: options.slug ?? testSlug(),
      title: options.title ?? 'A test page',
      summary: options.summary ?? '',
      body: options.body ?? 'Some **text**.',
      heroImage: options.heroImage ?? null,
      heroAlt: options.heroAlt ?? null,
      fiscalYear: kind === 'report' ? (options.fiscalYear ?? 2005) : null,
      faqGroupId,
    },
    BY,
  )
  const [document] = await documentsOfEntries(db, [entry.id])
  if (!document) throw new Error('entry without a document')
  const stage = options.stage ?? 'draft'
  if (stage !== 'draft') await moveDocument(app, db, document.id, 'submit', BY)
  if (stage === 'published') await publishDocument(app, db, document.id, BY)
  const [fresh] = await documentsOfEntries(db, [entry.id])
  return { entry, document: fresh ?? document }
}

export async function buildFaqGroup(app: AppContext, names = { en: 'Topic', ja: 'テーマ' }) {
  return createFaqGroup(app, app.database.db, names, BY)
}

/** A small real PNG, base64, for uploads (with a tEXt chunk a re-encode must drop). */
export function testPngBase64(width = 8, height = 6): string {
  const png = new PNG({ width, height })
  for (let i = 0; i < png.data.length; i += 4) {
    png.data[i] = (i * 7) % 256
    png.data[i + 1] = 120
    png.data[i + 2] = 200
    png.data[i + 3] = 255
  }
  return PNG.sync.write(png).toString('base64')
}

/** A sealed contact message in any compartment (the intake puts them in CONTACT). */
export async function buildContactMessage(
  app: AppContext,
  compartmentId: string,
  content: { name?: string; replyTo?: string; message?: string } = {},
): Promise<string> {
  const id = newId()
  const db = app.database.db
  const seal = (column: keyof ContactMessagesTable, value: string) =>
    app.crypto.fields.seal(
      db,
      { table: 'contact_messages', column, recordId: id, compartmentId },
      value,
    )
  const now = app.now().toISOString()
  await insertContactMessage(db, {
    id,
    compartment_id: compartmentId,
    kind: 'contact',
    site_locale: 'en',
    status: 'new',
    received_at: now,
    updated_at: now,
    updated_by: null,
    name_sealed: await seal('name_sealed', content.name ?? ''),
    reply_to_sealed: await seal('reply_to_sealed', content.replyTo ?? ''),
    message_sealed: await seal('message_sealed', content.message ?? 'Hello'),
    details_sealed: await seal('details_sealed', JSON.stringify({ replyLanguage: 'en' })),
  })
  return id
}
