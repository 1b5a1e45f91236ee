import { formatNumber } from '@haven/core/i18n/format'
import type { JSX } from 'preact'
import { Loading, Problem, useLoad } from '../../components/load-state.js'
import { PageTitle } from '../../components/page-title.js'
import { locale, t } from '../../lib/locale.js'
import { apiGet } from '../../lib/typed-api.js'
import { countryName } from './network-labels.js'
import './network.css'

/** Shade by how many partners a country has: none, one, a few, many (the table says exactly). */
const shade = (partners: number) =>
  partners === 0 ? 0 : partners === 1 ? 1 : partners <= 3 ? 2 : 3

/** `/app/network/map`: partners on a world map drawn from the server's paths, with the same numbers in tables. */
export function MapPage(): JSX.Element {
  const [map] = useLoad(() => apiGet('/network/map'), 'map')
  const n = (v: number) => formatNumber(locale.value, v)
  return (
    <div class="page">
      <PageTitle text={t('network.map_title')} />
      <div class="actions">
        <a href="/app/network">{t('network.partners')}</a>
        <a href="/app/network/events">{t('network.events')}</a>
      </div>
      {map.state === 'loading' && <Loading />}
      {map.state === 'failed' && <Problem error={map.error} />}
      {map.state === 'ready' && (
        <>
          <section class="card" aria-labelledby="map-title">
            <h2 id="map-title">{t('network.map_partners')}</h2>
            <svg
              class="world-map"
              viewBox={`0 0 ${map.data.width} ${map.data.height}`}
              role="img"
              aria-label={t('network.map_desc')}
            >
              <title>{t('network.map_desc')}</title>
              {map.data.countries.map((c, i) => (
                <path key={`${c.code}-${i}`} d={c.d} class={`country shade-${shade(c.partners)}`}>
                  {c.code && (
                    <title>
                      {t('network.map_country', {
                        country: countryName(c.code),
                        partners: c.partners,
                        events: c.events,
                      })}
                    </title>
                  )}
                </path>
              ))}
            </svg>
            <p class="hint">{t('network.map_legend')}</p>
          </section>
          <section class="card" aria-labelledby="continent-title">
            <h2 id="continent-title">{t('network.by_continent')}</h2>
            <table class="table">
              <thead>
                <tr>
                  <th scope="col">{t('network.continent')}</th>
                  <th scope="col">{t('network.partners')}</th>
                  <th scope="col">{t('network.events')}</th>
                </tr>
              </thead>
              <tbody>
                {map.data.byContinent.map((r) => (
                  <tr key={r.continent}>
                    <th scope="row">
                      <a href={`/app/network?continent=${r.continent}`}>
                        {t(`network.continent.${r.continent}`)}
                      </a>
                    </th>
                    <td>{n(r.partners)}</td>
                    <td>{n(r.events)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <section class="card" aria-labelledby="country-title">
            <h2 id="country-title">{t('network.by_country')}</h2>
            <table class="table">
              <thead>
                <tr>
                  <th scope="col">{t('network.country')}</th>
                  <th scope="col">{t('network.partners')}</th>
                  <th scope="col">{t('network.events')}</th>
                </tr>
              </thead>
              <tbody>
                {map.data.byCountry.map((r) => (
                  <tr key={r.code}>
                    <th scope="row">{countryName(r.code)}</th>
                    <td>{n(r.partners)}</td>
                    <td>{n(r.events)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </>
      )}
    </div>
  )
}
