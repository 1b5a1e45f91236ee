import type { DocumentContent } from '@haven/core/cms/cms-schemas'
import type { ImpactFiguresInput } from '@haven/core/cms/impact-figures'
import type { SiteSection } from '@haven/core/site/site-paths'
import type { AppContext } from '../../app-context.js'
import type { DemoStep } from '../../haven-module.js'
import { parseNames } from '../../site/faq-names.js'
import {
  DEMO_FAQ,
  DEMO_FAQ_TOPICS,
  DEMO_NEWS,
  DEMO_PAGES,
  DEMO_REPORTS,
  type DemoItem,
  type DemoText,
} from './cms-demo-content.js'
import { publishDocument } from './cms-publish.js'
import { addTranslation, type By, createEntry, moveDocument } from './cms-service.js'
import { documentsOfEntries, findDocumentBySlug } from './cms-store.js'
import { type DemoScene, demoIllustration } from './demo-illustrations.js'
import { uploadImage } from './image-service.js'
import { publishImpactFigures } from './impact-figures.js'
import { countImpactFigures, listFaqGroups, readNavigation } from './publication-store.js'
import { createFaqGroup, setNavigation } from './site-structure-service.js'

const BY: By = { actorId: null, requestId: 'demo' }

/**
 * Heroes of the demo site, by the item's English slug: drawn scenes, described in each language.
 * Two, because each upload is decoded and re-encoded in JavaScript (seconds on a busy machine).
 */
const DEMO_HEROES: Readonly<Record<string, { scene: DemoScene; en: string; ja: string }>> = {
  home: {
    scene: 'dawn',
    en: 'Drawing: a small house among green hills at sunrise.',
    ja: 'イラスト：朝日の中、緑の丘に囲まれた小さな家。',
  },
  'human-rights-act-passed': {
    scene: 'law',
    en: 'Drawing: a building with columns, like a parliament.',
    ja: 'イラスト：議事堂のような柱のある建物。',
  },
}

const DEMO_IMPACT_FIGURES: ImpactFiguresInput = {
  fiscalYear: 2005,
  figures: [
    {
      key: 'shelters.people.protected',
      sensitivity: 'people-protected',
      value: 86,
      label: { en: 'people sheltered in hiding', ja: '人をシェルターで保護' },
    },
    {
      key: 'people.children.schooled',
      sensitivity: 'people-served',
      value: 31,
      label: { en: 'foster children at school', ja: '人の里子が就学' },
    },
    {
      key: 'supplies.food.tonnes',
      sensitivity: 'quantity',
      value: 12,
      label: { en: 'tonnes of food shared out', ja: 'トンの食料を配布' },
    },
  ],
}

function content(text: DemoText, hero?: { image: string; alt: string }): DocumentContent {
  return {
    heroImage: hero?.image ?? null,
    heroAlt: hero?.alt ?? null,
    slug: text.slug,
    title: text.title,
    summary: text.summary,
    body: text.body,
    date: text.date ?? null,
    eventStart: text.eventStart ?? null,
    eventEnd: text.eventEnd ?? null,
    eventPlace: text.eventPlace ?? null,
  }
}

/** Review and publish a fresh draft, as an editor would. */
async function publish(app: AppContext, documentId: string): Promise<void> {
  const db = app.database.db
  await moveDocument(app, db, documentId, 'submit', BY)
  await publishDocument(app, db, documentId, BY)
}

async function topicIds(app: AppContext): Promise<{ ids: Map<string, string>; created: number }> {
  const db = app.database.db
  let created = 0
  for (const topic of DEMO_FAQ_TOPICS) {
    const existing = await listFaqGroups(db)
    if (existing.some((g) => parseNames(g.names).en === topic.en)) continue
    await createFaqGroup(app, db, { en: topic.en, ja: topic.ja }, BY)
    created += 1
  }
  const ids = new Map((await listFaqGroups(db)).map((g) => [parseNames(g.names).en ?? '', g.id]))
  return { ids, created }
}

/** Adds an item in English and Japanese and publishes both, unless it is there already. */
async function addItem(app: AppContext, item: DemoItem, topics: Map<string, string>) {
  const db = app.database.db
  if (await findDocumentBySlug(db, item.kind, 'en', item.en.slug)) return false
  const heroText = DEMO_HEROES[item.en.slug]
  const heroImage = heroText
    ? `/media/${(await uploadImage(app, db, { label: `demo: ${heroText.scene}`, data: await demoIllustration(heroText.scene) }, BY)).id}.jpg`
    : undefined
  const hero = (locale: 'en' | 'ja') =>
    heroImage && heroText ? { image: heroImage, alt: heroText[locale] } : undefined
  const entry = await createEntry(
    app,
    db,
    {
      kind: item.kind,
      locale: 'en',
      fiscalYear: item.fiscalYear ?? null,
      faqGroupId: item.topic ? (topics.get(item.topic) ?? null) : null,
      position: item.position ?? 0,
      ...content(item.en, hero('en')),
    },
    BY,
  )
  const ja = await addTranslation(app, db, entry, 'ja', content(item.ja, hero('ja')), BY)
  const [en] = (await documentsOfEntries(db, [entry.id])).filter((d) => d.locale === 'en')
  if (en) await publish(app, en.id)
  await publish(app, ja.id)
  return true
}

async function pageEntryId(app: AppContext, slug: string): Promise<string | null> {
  return (await findDocumentBySlug(app.database.db, 'page', 'en', slug))?.entry_id ?? null
}

export const cmsDemo: DemoStep = {
  name: 'public website (English and Japanese)',
  counts: { one: 'page, report, news or FAQ item', other: 'pages, reports, news and FAQ items' },
  async run(app) {
    const { ids, created: topicsCreated } = await topicIds(app)
    let created = topicsCreated
    let skipped = DEMO_FAQ_TOPICS.length - topicsCreated
    for (const item of [...DEMO_PAGES, ...DEMO_REPORTS, ...DEMO_NEWS, ...DEMO_FAQ]) {
      if (await addItem(app, item, ids)) created += 1
      else skipped += 1
    }
    // The navigation of the seed site, once (an editor's later changes are kept).
    if ((await readNavigation(app.database.db)).length === 0) {
      const page = async (slug: string) => {
        const id = await pageEntryId(app, slug)
        return id ? [{ entryId: id }] : []
      }
      const section = (s: SiteSection) => [{ section: s }]
      await setNavigation(
        app,
        app.database.db,
        [
          ...section('home'),
          ...(await page('about')),
          ...(await page('what-we-do')),
          ...section('news'),
          ...section('reports'),
          ...section('faq'),
          ...section('get_involved'),
          ...(await page('donate')),
          ...section('contact'),
        ],
        BY,
      )
      created += 1
    } else skipped += 1
    // Impact figures for the home page, once (synthetic, round numbers; the annual report will
    // publish the real ones through the same door).
    if ((await countImpactFigures(app.database.db)) === 0) {
      await publishImpactFigures(app, app.database.db, DEMO_IMPACT_FIGURES, BY)
      created += 1
    } else skipped += 1
    return { created, skipped }
  },
}
