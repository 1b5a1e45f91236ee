import type { FaqGroupView } from '@haven/core/cms/cms-views'
import { LOCALES } from '@haven/core/i18n/locales'
import { useState } from 'preact/hooks'
import { Done, Loading, useLoad } from '../../components/load-state.js'
import { languageName, t } from '../../lib/locale.js'
import { apiDelete, apiGet, apiPatch, apiPost, apiPut } from '../../lib/typed-api.js'
import { CmsMenu, Problem } from './cms-parts.js'

/** The topics FAQ answers are grouped under: names in every language, and their order. */
export function FaqTopics() {
  const [groups, reload] = useLoad(() => apiGet('/cms/faq-groups'), 'faq')
  const [notice, setNotice] = useState<string | null>(null)
  const [failure, setFailure] = useState<unknown>(null)
  const [fresh, setFresh] = useState<Record<string, string>>({})
  const act = async (work: () => Promise<unknown>) => {
    try {
      await work()
      setFailure(null)
      setNotice(t('cms.faq_topics.saved'))
      reload()
    } catch (error) {
      setFailure(error)
    }
  }
  if (groups.state === 'loading') return <Loading />
  if (groups.state === 'failed') return <Problem error={groups.error} />
  const list = groups.data
  const reorder = (i: number, by: -1 | 1) => {
    const ids = list.map((g) => g.id)
    const [moved] = ids.splice(i, 1)
    if (moved) ids.splice(i + by, 0, moved)
    void act(() => apiPut('/cms/faq-groups/order', { body: { ids } }))
  }
  return (
    <section class="card" aria-labelledby="faq-title">
      <h1 id="faq-title">{t('cms.menu.faq_topics')}</h1>
      <CmsMenu current="faq" />
      <p>{t('cms.faq_topics.intro')}</p>
      <Done text={notice} />
      {failure !== null && <Problem error={failure} />}
      <ol class="order-list topics">
        {list.map((g, i) => (
          <li key={g.id}>
            <TopicNames
              group={g}
              onSave={(names) =>
                act(() => apiPatch('/cms/faq-groups/{id}', { path: { id: g.id }, body: { names } }))
              }
            />
            <span class="hint">{t('cms.faq_topics.count', { count: g.entries })}</span>
            <button type="button" class="small" disabled={i === 0} onClick={() => reorder(i, -1)}>
              {t('cms.action.move_up')}
            </button>
            <button
              type="button"
              class="small"
              disabled={i === list.length - 1}
              onClick={() => reorder(i, 1)}
            >
              {t('cms.action.move_down')}
            </button>
            {g.entries === 0 && (
              <button
                type="button"
                class="small danger"
                onClick={() => act(() => apiDelete('/cms/faq-groups/{id}', { path: { id: g.id } }))}
              >
                {t('cms.action.delete')}
              </button>
            )}
          </li>
        ))}
      </ol>
      <form
        class="new-topic"
        onSubmit={(e) => {
          e.preventDefault()
          void act(async () => {
            await apiPost('/cms/faq-groups', { body: { names: fresh } })
            setFresh({})
          })
        }}
      >
        <h2>{t('cms.faq_topics.new')}</h2>
        <div class="field-row">
          {LOCALES.map((l) => (
            <div class="field" key={l}>
              <label for={`new-${l}`}>
                {t('cms.faq_topics.name', { language: languageName(l) })}
              </label>
              <input
                id={`new-${l}`}
                lang={l}
                value={fresh[l] ?? ''}
                onInput={(e) =>
                  setFresh({ ...fresh, [l]: (e.currentTarget as HTMLInputElement).value })
                }
              />
            </div>
          ))}
        </div>
        <button type="submit">{t('cms.action.add')}</button>
      </form>
    </section>
  )
}

function TopicNames(props: {
  group: FaqGroupView
  onSave: (names: Record<string, string>) => void
}) {
  const [names, setNames] = useState<Record<string, string>>(props.group.names)
  return (
    <form
      class="field-row"
      onSubmit={(e) => {
        e.preventDefault()
        props.onSave(names)
      }}
    >
      {LOCALES.map((l) => (
        <div class="field" key={l}>
          <label for={`topic-${props.group.id}-${l}`}>
            {t('cms.faq_topics.name', { language: languageName(l) })}
          </label>
          <input
            id={`topic-${props.group.id}-${l}`}
            lang={l}
            value={names[l] ?? ''}
            onInput={(e) =>
              setNames({ ...names, [l]: (e.currentTarget as HTMLInputElement).value })
            }
          />
        </div>
      ))}
      <button type="submit" class="small">
        {t('cms.action.save')}
      </button>
    </form>
  )
}
