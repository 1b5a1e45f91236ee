import { SITE_SECTIONS, type SiteSection } from '@haven/core/site/site-paths'
import { useEffect, useState } from 'preact/hooks'
import { Done, Loading, useLoad } from '../../components/load-state.js'
import { locale, t } from '../../lib/locale.js'
import { apiGet, apiPut } from '../../lib/typed-api.js'
import { CmsMenu, Problem } from './cms-parts.js'

type Item = { section: SiteSection; entryId: null } | { section: null; entryId: string }

/** The public site's main menu: built-in sections and pages, in an order editors choose. */
export function NavigationEditor() {
  const [loaded] = useLoad(
    () =>
      Promise.all([apiGet('/cms/navigation'), apiGet('/cms/entries', { query: { kind: 'page' } })]),
    'navigation',
  )
  const [items, setItems] = useState<Item[]>([])
  const [notice, setNotice] = useState<string | null>(null)
  const [failure, setFailure] = useState<unknown>(null)
  useEffect(() => {
    if (loaded.state === 'ready')
      setItems(
        loaded.data[0].items.map((i) =>
          i.section
            ? { section: i.section, entryId: null }
            : { section: null, entryId: i.entryId ?? '' },
        ),
      )
  }, [loaded])
  if (loaded.state === 'loading') return <Loading />
  if (loaded.state === 'failed') return <Problem error={loaded.error} />
  const pages = loaded.data[1]
  const pageTitle = (id: string) => {
    const page = pages.find((p) => p.id === id)
    const doc = page?.documents.find((d) => d.locale === locale.value) ?? page?.documents[0]
    return doc?.title ?? id
  }
  const label = (item: Item) =>
    item.section ? t(`site.nav.${item.section}`) : pageTitle(item.entryId ?? '')
  const move = (i: number, by: -1 | 1) => {
    const next = [...items]
    const [moved] = next.splice(i, 1)
    if (moved) next.splice(i + by, 0, moved)
    setItems(next)
  }
  const save = async () => {
    try {
      await apiPut('/cms/navigation', {
        body: {
          items: items.map((i) => (i.section ? { section: i.section } : { entryId: i.entryId })),
        },
      })
      setFailure(null)
      setNotice(t('cms.navigation.saved'))
    } catch (error) {
      setFailure(error)
    }
  }
  const livePage = (id: string) => pages.find((p) => p.id === id)?.documents.some((d) => d.live)
  return (
    <section class="card" aria-labelledby="nav-title">
      <h1 id="nav-title">{t('cms.menu.navigation')}</h1>
      <CmsMenu current="navigation" />
      <p>{t('cms.navigation.intro')}</p>
      <Done text={notice} />
      {failure !== null && <Problem error={failure} />}
      <ol class="order-list">
        {items.map((item, i) => (
          <li key={`${item.section ?? item.entryId}`}>
            <span class="order-label">
              {label(item)}
              {item.entryId && !livePage(item.entryId) && (
                <span class="hint"> {t('cms.navigation.unpublished_page')}</span>
              )}
            </span>
            <button
              type="button"
              class="small"
              disabled={i === 0}
              onClick={() => move(i, -1)}
              aria-label={`${t('cms.action.move_up')}: ${label(item)}`}
            >
              ↑
            </button>
            <button
              type="button"
              class="small"
              disabled={i === items.length - 1}
              onClick={() => move(i, 1)}
              aria-label={`${t('cms.action.move_down')}: ${label(item)}`}
            >
              ↓
            </button>
            <button
              type="button"
              class="small"
              onClick={() => setItems(items.filter((_, j) => j !== i))}
            >
              {t('cms.action.remove')}
            </button>
          </li>
        ))}
      </ol>
      <div class="field-row">
        <div class="field">
          <label for="add-section">{t('cms.navigation.add_section')}</label>
          <select
            id="add-section"
            value=""
            onChange={(e) => {
              const s = (e.currentTarget as HTMLSelectElement).value as SiteSection
              if (s && !items.some((i) => i.section === s))
                setItems([...items, { section: s, entryId: null }])
            }}
          >
            <option value="">{t('cms.navigation.choose')}</option>
            {SITE_SECTIONS.filter((s) => !items.some((i) => i.section === s)).map((s) => (
              <option key={s} value={s}>
                {t(`site.nav.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="add-page">{t('cms.navigation.add_page')}</label>
          <select
            id="add-page"
            value=""
            onChange={(e) => {
              const id = (e.currentTarget as HTMLSelectElement).value
              if (id && !items.some((i) => i.entryId === id))
                setItems([...items, { section: null, entryId: id }])
            }}
          >
            <option value="">{t('cms.navigation.choose')}</option>
            {pages
              .filter((p) => !items.some((i) => i.entryId === p.id))
              .map((p) => (
                <option key={p.id} value={p.id}>
                  {pageTitle(p.id)}
                </option>
              ))}
          </select>
        </div>
      </div>
      <button type="button" class="primary" onClick={save}>
        {t('cms.action.save_order')}
      </button>
    </section>
  )
}
