import type { JSX } from 'preact'
import { Loading, Problem, useLoad } from '../../components/load-state.js'
import { PageTitle } from '../../components/page-title.js'
import { t } from '../../lib/locale.js'
import { apiGet } from '../../lib/typed-api.js'
import './sponsorship.css'

/**
 * `/app/sponsorship/sponsors/:id/letters/:updateId`: an approved update as the sponsor's letter,
 * in the sponsor's language, ready to print (the print stylesheet leaves only the letter).
 */
export function LetterPage({ id, updateId }: { id: string; updateId: string }): JSX.Element {
  const [letter] = useLoad(
    () => apiGet('/sponsorship/sponsors/{id}/letters/{updateId}', { path: { id, updateId } }),
    `${id}/${updateId}`,
  )
  return (
    <section class="card" aria-labelledby="page-title">
      <div class="no-print">
        <PageTitle text={t('sponsorship.letter_title')} />
        <button type="button" onClick={() => window.print()}>
          {t('sponsorship.print')}
        </button>
        <a
          class="button"
          href={`/api/v1/sponsorship/sponsors/${encodeURIComponent(id)}/letters/${encodeURIComponent(updateId)}/pdf`}
          download
        >
          {t('sponsorship.download_pdf')}
        </a>
      </div>
      {letter.state === 'loading' && <Loading />}
      {letter.state === 'failed' && <Problem error={letter.error} />}
      {letter.state === 'ready' && (
        <article class="letter" lang={letter.data.language}>
          <p>{letter.data.greeting}</p>
          <p>{letter.data.ageLine}</p>
          {letter.data.text.split(/\n+/).map((line, i) => (
            <p key={i}>{line}</p>
          ))}
          {letter.data.photo && <img class="letter-photo" src={letter.data.photo} alt="" />}
          <p>{letter.data.closing}</p>
        </article>
      )}
    </section>
  )
}
