import { IATI_ORGANISATION_TYPES } from '@haven/core/exchange/iati-codes'
import {
  type IatiSettings,
  type IatiSettingsView,
  iatiSettingsSchema,
} from '@haven/core/exchange/iati-schema'
import type { MessageKey } from '@haven/core/i18n/catalog-en'
import { formatDateTime } from '@haven/core/i18n/format'
import { fiscalYearLabel } from '@haven/core/site/fiscal-year'
import type { JSX } from 'preact'
import { useState } from 'preact/hooks'
import { useLocation } from 'preact-iso'
import { Loading, Problem, useLoad } from '../../components/load-state.js'
import { ErrorAlert, StatusMessage } from '../../components/messages.js'
import { OnDemand } from '../../components/on-demand.js'
import { PageTitle } from '../../components/page-title.js'
import { SelectField } from '../../components/select-field.js'
import { TextField } from '../../components/text-field.js'
import { checkFields, useSubmission } from '../../lib/forms.js'
import { locale, t } from '../../lib/locale.js'
import { apiGet, apiPut } from '../../lib/typed-api.js'
import { IatiPublicSection } from './iati-public-section.js'

type Settings = NonNullable<IatiSettingsView['settings']>

/** The fiscal year running now, counted from April (the year shown first; any is chosen). */
function thisFiscalYear(now = new Date()): number {
  return now.getUTCMonth() + 1 >= 4 ? now.getUTCFullYear() : now.getUTCFullYear() - 1
}

/** "CN 90, JP 10" as the settings' countries; null when it cannot be read. */
function parseCountries(text: string): IatiSettings['countries'] | null {
  const parts = text
    .split(/[,、，\n]/)
    .map((p) => p.trim())
    .filter(Boolean)
  const countries = []
  for (const part of parts) {
    const match = /^([A-Za-z]{2})\s*[: ]\s*(\d{1,3})\s*%?$/.exec(part)
    if (!match) return null
    countries.push({ code: (match[1] ?? '').toUpperCase(), percentage: Number(match[2]) })
  }
  return countries
}

const countriesText = (s: Settings | null) =>
  s ? s.countries.map((c) => `${c.code} ${c.percentage}`).join(', ') : ''

function SettingsForm(props: { settings: Settings | null; onSaved: () => void }): JSX.Element {
  const s = props.settings
  const [orgRef, setOrgRef] = useState(s?.orgRef ?? '')
  const [orgType, setOrgType] = useState(s?.orgType ?? '22')
  const [nameEn, setNameEn] = useState(s?.nameEn ?? '')
  const [nameJa, setNameJa] = useState(s?.nameJa ?? '')
  const [countries, setCountries] = useState(countriesText(s))
  const [done, setDone] = useState<string | null>(null)
  const submission = useSubmission()
  // Any problem with a country or the percentages shows at the one countries field.
  const countryError = Object.entries(submission.fields).find(([path]) =>
    path.startsWith('countries'),
  )?.[1]
  return (
    <form
      class="supplies-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        void submission.run(async () => {
          setDone(null)
          const list = parseCountries(countries)
          if (!list) {
            submission.setFields({ countries: t('field.iati_country') })
            return
          }
          const checked = checkFields(iatiSettingsSchema, {
            orgRef,
            orgType,
            nameEn,
            nameJa,
            countries: list,
          })
          if (!checked.ok) {
            submission.setFields(checked.errors)
            return
          }
          submission.setFields({})
          await apiPut('/exchange/iati/settings', { body: checked.value })
          setDone(t('exchange.iati_saved'))
          props.onSaved()
        })
      }}
    >
      <TextField
        id="iati-org-ref"
        label={t('exchange.iati_org_ref')}
        hint={t('exchange.iati_org_ref_hint')}
        value={orgRef}
        onInput={setOrgRef}
        error={submission.fields.orgRef}
      />
      <SelectField
        id="iati-org-type"
        label={t('exchange.iati_org_type')}
        value={orgType}
        options={IATI_ORGANISATION_TYPES.map((code) => ({
          value: code,
          label: `${t(`exchange.iati_org_type.${code}` as MessageKey)} (${code})`,
        }))}
        onChange={setOrgType}
        error={submission.fields.orgType}
      />
      <TextField
        id="iati-name-en"
        label={t('exchange.iati_name_en')}
        value={nameEn}
        onInput={setNameEn}
        error={submission.fields.nameEn}
      />
      <TextField
        id="iati-name-ja"
        label={t('exchange.iati_name_ja')}
        value={nameJa}
        onInput={setNameJa}
        error={submission.fields.nameJa}
      />
      <TextField
        id="iati-countries"
        label={t('exchange.iati_countries')}
        hint={t('exchange.iati_countries_hint')}
        value={countries}
        onInput={setCountries}
        error={countryError}
      />
      <ErrorAlert message={submission.error} />
      <StatusMessage>{done}</StatusMessage>
      <button type="submit" class="primary" disabled={submission.busy}>
        {t('exchange.iati_save')}
      </button>
    </form>
  )
}

/**
 * Publishing to IATI: the organisation's IATI details (set once, behind their own button), then
 * a fiscal year (in the URL) and its two files to download; and the year's published report
 * figures as HXL-tagged CSV for humanitarian partners.
 */
export function IatiPage(): JSX.Element {
  const { query, route } = useLocation()
  const current = thisFiscalYear()
  const year = Number(query.fy) || current
  const [round, setRound] = useState(0)
  const [data] = useLoad(() => apiGet('/exchange/iati/settings'), `iati-${round}`)
  const years = Array.from({ length: 8 }, (_, i) => current - i)
  if (!years.includes(year)) years.push(year)
  const settings = data.state === 'ready' ? data.data.settings : null
  return (
    <div class="page">
      <PageTitle text={t('exchange.iati_title')} />
      <div class="card stack">
        <p>{t('exchange.iati_lead')}</p>
        {data.state === 'loading' && <Loading />}
        {data.state === 'failed' && <Problem error={data.error} />}
        {data.state === 'ready' && (
          <>
            {settings ? (
              <dl class="facts">
                <dt>{t('exchange.iati_org_ref')}</dt>
                <dd>{settings.orgRef}</dd>
                <dt>{t('exchange.iati_countries')}</dt>
                <dd>{countriesText(settings)}</dd>
                <dt>{t('exchange.iati_updated')}</dt>
                <dd>{formatDateTime(locale.value, settings.updatedAt)}</dd>
              </dl>
            ) : (
              <p role="status">{t('exchange.iati_not_set')}</p>
            )}
            <SelectField
              id="iati-year"
              label={t('exchange.iati_year')}
              value={String(year)}
              options={years
                .sort((a, b) => b - a)
                .map((y) => ({ value: String(y), label: fiscalYearLabel(y) }))}
              onChange={(value) => route(`/app/exchange/iati?fy=${value}`)}
            />
            {settings && (
              <div class="actions">
                <a
                  class="button"
                  href={`/api/v1/exchange/iati/organisation.xml?fiscalYear=${year}`}
                  download
                >
                  {t('exchange.iati_organisation_file')}
                </a>
                <a
                  class="button"
                  href={`/api/v1/exchange/iati/activities.xml?fiscalYear=${year}`}
                  download
                >
                  {t('exchange.iati_activities_file')}
                </a>
              </div>
            )}
            <IatiPublicSection year={year} configured={settings !== null} />
            <section class="stack" aria-labelledby="hxl-title">
              <h2 id="hxl-title">{t('exchange.hxl_title')}</h2>
              <p>{t('exchange.hxl_lead')}</p>
              <div class="actions">
                {(['en', 'ja'] as const).map((lang) => (
                  <a
                    key={lang}
                    href={`/api/v1/exchange/hxl/report-figures.csv?fiscalYear=${year}&lang=${lang}`}
                    download
                  >
                    {t(lang === 'en' ? 'exchange.hxl_en' : 'exchange.hxl_ja')}
                  </a>
                ))}
              </div>
            </section>
            <OnDemand label={t('exchange.iati_settings')} id="iati-settings">
              {(close) => (
                <SettingsForm
                  settings={settings}
                  onSaved={() => {
                    close()
                    setRound((r) => r + 1)
                  }}
                />
              )}
            </OnDemand>
          </>
        )}
      </div>
    </div>
  )
}
