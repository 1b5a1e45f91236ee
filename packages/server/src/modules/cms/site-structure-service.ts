import type { FaqGroupView, NavigationView } from '@haven/core/cms/cms-views'
import type { SiteSection } from '@haven/core/site/site-paths'
import type { AppContext } from '../../app-context.js'
import { audit } from '../../auth/auth-audit.js'
import type { Db } from '../../db/db-handle.js'
import { newId } from '../../db/ids.js'
import { errors } from '../../http/errors.js'
import { parseNames } from '../../site/faq-names.js'
import { DEFAULT_NAVIGATION } from '../../site/site-nav.js'
import type { By } from './cms-service.js'
import { countEntriesInFaqGroup, faqEntryCounts, findEntry } from './cms-store.js'
import {
  deleteFaqGroup,
  findFaqGroup,
  insertFaqGroup,
  listFaqGroups,
  livePageTitles,
  readNavigation,
  replaceNavigation,
  updateFaqGroup,
} from './publication-store.js'
import { publishing } from './site-version.js'

/**
 * The site's structure: the order of the main navigation and the FAQ topics. They hold only
 * public labels, so editing them publishes them at once (there is no draft of a menu).
 */

export async function navigationView(db: Db): Promise<NavigationView> {
  const rows = await readNavigation(db)
  const items =
    rows.length > 0
      ? rows.map((r) => ({ section: r.section, entryId: r.entry_id }))
      : DEFAULT_NAVIGATION.map((section) => ({ section, entryId: null }))
  const titles = await livePageTitles(
    db,
    items.flatMap((i) => (i.entryId ? [i.entryId] : [])),
  )
  return {
    items: items.map((i) => ({
      section: i.section,
      entryId: i.entryId,
      labels: Object.fromEntries(
        titles.filter((t) => t.entry_id === i.entryId).map((t) => [t.locale, t.title]),
      ),
    })),
  }
}

export async function setNavigation(
  app: AppContext,
  db: Db,
  items: readonly ({ section: SiteSection } | { entryId: string })[],
  by: By,
): Promise<void> {
  await publishing(app, db, async (trx) => {
    const rows = []
    for (const [position, item] of items.entries()) {
      if ('entryId' in item) {
        const entry = await findEntry(trx, item.entryId)
        if (entry?.kind !== 'page')
          throw errors.validationFailed([
            { path: `items.${position}.entryId`, key: 'field.invalid', params: {} },
          ])
      }
      rows.push({
        id: newId(),
        position,
        section: 'section' in item ? item.section : null,
        entry_id: 'entryId' in item ? item.entryId : null,
      })
    }
    await replaceNavigation(trx, rows)
    await audit(app, trx, {
      actorId: by.actorId,
      action: 'cms.navigation_updated',
      entityType: 'SiteContent',
      requestId: by.requestId,
      details: { items: rows.length },
    })
  })
}

export async function faqGroupViews(db: Db): Promise<FaqGroupView[]> {
  const [groups, counts] = await Promise.all([listFaqGroups(db), faqEntryCounts(db)])
  return groups.map((g) => ({
    id: g.id,
    position: g.position,
    names: parseNames(g.names),
    entries: counts.get(g.id) ?? 0,
  }))
}

function cleanNames(names: Record<string, string>): string {
  return JSON.stringify(
    Object.fromEntries(Object.entries(names).filter(([, name]) => name.trim().length > 0)),
  )
}

export async function createFaqGroup(
  app: AppContext,
  db: Db,
  names: Record<string, string>,
  by: By,
): Promise<string> {
  return publishing(app, db, async (trx) => {
    const id = newId()
    const groups = await listFaqGroups(trx)
    await insertFaqGroup(trx, { id, position: groups.length, names: cleanNames(names) })
    await audit(app, trx, {
      actorId: by.actorId,
      action: 'cms.faq_group_created',
      entityType: 'SiteContent',
      entityId: id,
      requestId: by.requestId,
    })
    return id
  })
}

export async function renameFaqGroup(
  app: AppContext,
  db: Db,
  id: string,
  names: Record<string, string>,
  by: By,
): Promise<void> {
  await publishing(app, db, async (trx) => {
    if (!(await findFaqGroup(trx, id))) throw errors.notFound()
    await updateFaqGroup(trx, id, { names: cleanNames(names) })
    await audit(app, trx, {
      actorId: by.actorId,
      action: 'cms.faq_group_renamed',
      entityType: 'SiteContent',
      entityId: id,
      requestId: by.requestId,
    })
  })
}

export async function orderFaqGroups(
  app: AppContext,
  db: Db,
  ids: readonly string[],
  by: By,
): Promise<void> {
  await publishing(app, db, async (trx) => {
    const groups = await listFaqGroups(trx)
    const known = new Set(groups.map((g) => g.id))
    if (
      ids.length !== known.size ||
      !ids.every((id) => known.has(id)) ||
      new Set(ids).size !== ids.length
    )
      throw errors.validationFailed([{ path: 'ids', key: 'field.invalid', params: {} }])
    for (const [position, id] of ids.entries()) await updateFaqGroup(trx, id, { position })
    await audit(app, trx, {
      actorId: by.actorId,
      action: 'cms.faq_groups_ordered',
      entityType: 'SiteContent',
      requestId: by.requestId,
    })
  })
}

export async function removeFaqGroup(app: AppContext, db: Db, id: string, by: By): Promise<void> {
  await publishing(app, db, async (trx) => {
    if (!(await findFaqGroup(trx, id))) throw errors.notFound()
    if ((await countEntriesInFaqGroup(trx, id)) > 0) throw errors.faqGroupInUse()
    await deleteFaqGroup(trx, id)
    await audit(app, trx, {
      actorId: by.actorId,
      action: 'cms.faq_group_deleted',
      entityType: 'SiteContent',
      entityId: id,
      requestId: by.requestId,
    })
  })
}
