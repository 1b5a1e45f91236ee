import {
  IMPACT_SENSITIVITIES,
  type ImpactFiguresView,
  type ImpactSensitivity,
  impactFiguresSchema,
  MAX_IMPACT_FIGURES,
} from '@haven/core/cms/impact-figures'
import { formatNumber } from '@haven/core/i18n/format'
import { fiscalYearLabel } from '@haven/core/site/fiscal-year'
import { validate } from '@haven/core/validation/field-issues'
import { useState } from 'preact/hooks'
import { Done, Loading, useLoad } from '../../components/load-state.js'
import { SelectField } from '../../components/select-field.js'
import { TextField } from '../../components/text-field.js'
import { ApiError } from '../../lib/api-client.js'
import { locale, t } from '../../lib/locale.js'
import { apiGet, apiPut } from '../../lib/typed-api.js'
import { CmsMenu, Problem } from './cms-parts.js'

interface FigureDraft {
  key: string
  sensitivity: ImpactSensitivity
  value: string
  en: string
  ja: string
}

const blankFigure = (): FigureDraft => ({
  key: '',
  sensitivity: 'people-protected',
  value: '',
  en: '',
  ja: '',
})

/**
 * `/app/cms/impact`: the home page's impact figures as the public sees them, and, on demand, a
 * new set for a fiscal year from the annual report's approved numbers. Each figure passes the
 * disclosure engine on the server; what it withholds is named after publishing.
 */
export function ImpactFiguresPage() {
  const [current, reload] = useLoad(() => apiGet('/cms/impact-figures'), 'impact')
  const [editing, setEditing] = useState(false)
  const [notice, setNotice] = useState<string | null>(null)
  return (
    <section class="card" aria-labelledby="impact-title">
      <h1 id="impact-title">{t('cms.menu.impact')}</h1>
      <CmsMenu current="impact" />
      <p>{t('cms.impact.intro')}</p>
      <Done text={notice} />
      {current.state === 'loading' && <Loading />}
      {current.state === 'failed' && <Problem error={current.error} />}
      {current.state === 'ready' && (
        <>
          <CurrentFigures view={current.data} />
          {editing ? (
            <FiguresForm
              start={current.data}
              onCancel={() => setEditing(false)}
              onPublished={(view) => {
                setEditing(false)
                setNotice(
                  [
                    t('cms.impact.published', { count: view.published.length }),
                    view.withheld.length > 0
                      ? t('cms.impact.withheld', { keys: view.withheld.join(', ') })
                      : '',
                  ]
                    .filter(Boolean)
                    .join(' '),
                )
                reload()
              }}
            />
          ) : (
            <div class="actions">
              <button
                type="button"
                class="primary"
                onClick={() => {
                  setNotice(null)
                  setEditing(true)
                }}
              >
                {t('cms.impact.new')}
              </button>
            </div>
          )}
        </>
      )}
    </section>
  )
}

function CurrentFigures({ view }: { view: ImpactFiguresView }) {
  if (view.published.length === 0 || view.fiscalYear === null)
    return <p class="hint">{t('cms.impact.none')}</p>
  const lang = locale.value
  return (
    <div class="table-scroll">
      <table class="table">
        <caption>
          {t('cms.impact.current', {
            year: fiscalYearLabel(view.fiscalYear),
            count: view.published.length,
          })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('cms.impact.key')}</th>
            <th scope="col">{t('cms.impact.shown')}</th>
            <th scope="col">{t('cms.impact.label_en')}</th>
            <th scope="col">{t('cms.impact.label_ja')}</th>
          </tr>
        </thead>
        <tbody>
          {view.published.map((f) => (
            <tr key={f.key}>
              <th scope="row" data-label={t('cms.impact.key')}>
                <code>{f.key}</code>
              </th>
              <td data-label={t('cms.impact.shown')}>
                {f.shown.kind === 'number' ? formatNumber(lang, f.shown.value) : f.shown[lang]}
              </td>
              <td data-label={t('cms.impact.label_en')} lang="en">
                {f.label.en}
              </td>
              <td data-label={t('cms.impact.label_ja')} lang="ja">
                {f.label.ja}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

function FiguresForm(props: {
  start: ImpactFiguresView
  onCancel: () => void
  onPublished: (view: ImpactFiguresView) => void
}) {
  const [year, setYear] = useState(String(props.start.fiscalYear ?? new Date().getFullYear() - 1))
  // The labels and keys carry over; the counts never come back from the site, so they are typed.
  const [figures, setFigures] = useState<FigureDraft[]>(() =>
    props.start.published.length > 0
      ? props.start.published.map((f) => ({ ...blankFigure(), key: f.key, ...f.label }))
      : [blankFigure()],
  )
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [failure, setFailure] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const change = (i: number, patch: Partial<FigureDraft>) =>
    setFigures(figures.map((f, j) => (j === i ? { ...f, ...patch } : f)))
  const number = (text: string) => (text.trim() === '' ? Number.NaN : Number(text.trim()))

  const publish = async (event: Event) => {
    event.preventDefault()
    if (busy) return
    const input = {
      fiscalYear: number(year),
      figures: figures.map((f) => ({
        key: f.key.trim(),
        sensitivity: f.sensitivity,
        value: number(f.value),
        label: { en: f.en, ja: f.ja },
      })),
    }
    const checked = validate(impactFiguresSchema, input)
    if (!checked.ok) {
      const next: Record<string, string> = {}
      for (const issue of checked.issues) next[issue.path] ??= t(issue.key, issue.params)
      setErrors(next)
      return
    }
    setBusy(true)
    try {
      props.onPublished(await apiPut('/cms/impact-figures', { body: input }))
    } catch (error) {
      if (error instanceof ApiError) setErrors(error.fields)
      setFailure(error)
    } finally {
      setBusy(false)
    }
  }
  const sensitivities = IMPACT_SENSITIVITIES.map((s) => ({
    value: s,
    label: t(`cms.impact.sensitivity.${s}`),
  }))
  return (
    <form class="impact-form" onSubmit={publish} noValidate aria-labelledby="impact-form-title">
      <h2 id="impact-form-title">{t('cms.impact.new')}</h2>
      <p class="hint">{t('cms.impact.form_hint')}</p>
      {failure !== null && <Problem error={failure} />}
      <TextField
        id="impact-year"
        label={t('cms.impact.year')}
        hint={t('cms.impact.year_hint')}
        value={year}
        onInput={setYear}
        error={errors.fiscalYear}
        inputMode="numeric"
      />
      {figures.map((f, i) => (
        <fieldset class="impact-figure" key={i}>
          <legend>{t('cms.impact.figure', { number: i + 1 })}</legend>
          <div class="field-row">
            <TextField
              id={`impact-key-${i}`}
              label={t('cms.impact.key')}
              hint={t('cms.impact.key_hint')}
              value={f.key}
              onInput={(key) => change(i, { key })}
              error={errors[`figures.${i}.key`]}
              verbatim
            />
            <SelectField
              id={`impact-sensitivity-${i}`}
              label={t('cms.impact.sensitivity')}
              value={f.sensitivity}
              options={sensitivities}
              onChange={(s) => change(i, { sensitivity: s as ImpactSensitivity })}
              error={errors[`figures.${i}.sensitivity`]}
            />
            <TextField
              id={`impact-value-${i}`}
              label={t('cms.impact.value')}
              value={f.value}
              onInput={(value) => change(i, { value })}
              error={errors[`figures.${i}.value`]}
              inputMode="numeric"
            />
          </div>
          <div class="field-row">
            <TextField
              id={`impact-en-${i}`}
              label={t('cms.impact.label_en')}
              value={f.en}
              onInput={(en) => change(i, { en })}
              error={errors[`figures.${i}.label.en`]}
            />
            <TextField
              id={`impact-ja-${i}`}
              label={t('cms.impact.label_ja')}
              value={f.ja}
              onInput={(ja) => change(i, { ja })}
              error={errors[`figures.${i}.label.ja`]}
            />
          </div>
          <button
            type="button"
            class="small"
            onClick={() => setFigures(figures.filter((_, j) => j !== i))}
            aria-label={`${t('cms.action.remove')}: ${t('cms.impact.figure', { number: i + 1 })}`}
          >
            {t('cms.action.remove')}
          </button>
        </fieldset>
      ))}
      <div class="actions">
        <button
          type="button"
          disabled={figures.length >= MAX_IMPACT_FIGURES}
          onClick={() => setFigures([...figures, blankFigure()])}
        >
          {t('cms.impact.add')}
        </button>
        <button type="submit" class="primary" disabled={busy} aria-busy={busy}>
          {t('cms.impact.publish')}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t('cms.impact.cancel')}
        </button>
      </div>
    </form>
  )
}
