import { formatDate } from '@haven/core/i18n/format'
import type { Locale } from '@haven/core/i18n/locales'
import type { Translator } from '@haven/core/i18n/translate'
import { srcset, variantPath, variantWidths } from '../image-variants.js'

/** A date as readers of this language write it, machine-readable for feeds and assistive tech. */
export function DateText({ locale, iso }: { locale: Locale; iso: string }) {
  return <time dateTime={iso.slice(0, 10)}>{formatDate(locale, iso)}</time>
}

/**
 * The body of a published document. Its HTML was produced by the sanitising Markdown renderer
 * at publish time (no raw HTML from editors, no script or data: links, only our own images);
 * it is the one place the site inserts HTML it did not build element by element.
 */
export function DocumentBody({ html }: { html: string }) {
  return <div class="prose" dangerouslySetInnerHTML={{ __html: html }} />
}

/**
 * A page's hero image, rendered at publish time (a <picture> with the editor's description);
 * nothing when the page has none.
 */
export function Hero({ html }: { html: string | null }) {
  if (!html) return null
  return <div class="hero-frame" dangerouslySetInnerHTML={{ __html: html }} />
}

/** How wide a card's image is shown: a third of the column on a desktop, the screen on a phone. */
const CARD_SIZES = '(min-width: 46rem) 14rem, (min-width: 30rem) 45vw, calc(100vw - 2rem)'

/**
 * The small picture on a card. It repeats what the card's title says, so it is decorative
 * (empty alt); it loads lazily because cards sit below the page's heading and lead.
 */
export function CardImage(props: { id: string; width: number; height: number }) {
  const { id, width, height } = props
  const fallback = variantWidths(width)[0] ?? width
  return (
    <picture class="card-image">
      <source type="image/avif" srcset={srcset(id, width, 'avif')} sizes={CARD_SIZES} />
      <source type="image/webp" srcset={srcset(id, width, 'webp')} sizes={CARD_SIZES} />
      <img
        src={variantPath(id, fallback, 'jpg')}
        srcset={srcset(id, width, 'jpg')}
        sizes={CARD_SIZES}
        alt=""
        width={width}
        height={height}
        loading="lazy"
        decoding="async"
      />
    </picture>
  )
}

/** When and where an event happens, for news about one. */
export function EventFacts(props: {
  locale: Locale
  t: Translator
  start: string
  end: string | null
  place: string | null
}) {
  return (
    <dl class="event">
      <dt>{props.t('site.event.when')}</dt>
      <dd>{eventTime(props.locale, props.t, props.start, props.end)}</dd>
      {props.place && (
        <>
          <dt>{props.t('site.event.where')}</dt>
          <dd>{props.place}</dd>
        </>
      )}
    </dl>
  )
}

/**
 * "May 20, 2006, 2:00 PM – 5:00 PM" / "2006年5月20日 14:00〜17:00": a date, or a date and times,
 * or a range, as the language writes it. Event times are local to the event: no time zone shift.
 */
export function eventTime(
  locale: Locale,
  t: Translator,
  start: string,
  end: string | null,
): string {
  const parse = (v: string) => new Date(v.length > 10 ? `${v}:00Z` : `${v}T00:00:00Z`)
  const date = (v: string) =>
    new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(parse(v))
  const time = (v: string) =>
    new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone: 'UTC' }).format(parse(v))
  const at = (v: string) =>
    v.length > 10 ? t('site.event.at', { date: date(v), time: time(v) }) : date(v)
  if (!end || end === start) return at(start)
  if (start.length > 10 && end.length > 10 && start.slice(0, 10) === end.slice(0, 10))
    return t('site.event.same_day', { date: date(start), from: time(start), to: time(end) })
  return t('site.event.range', { from: at(start), to: at(end) })
}

/** Previous / next page links for paged lists (no script: plain links). */
export function Pager(props: {
  t: Translator
  page: number
  pages: number
  href: (page: number) => string
}) {
  if (props.pages <= 1) return null
  return (
    <nav class="pager" aria-label={props.t('site.pager.label')}>
      {props.page > 1 ? (
        <a rel="prev" href={props.href(props.page - 1)}>
          {props.t('site.pager.previous')}
        </a>
      ) : (
        <span />
      )}
      <span>{props.t('site.pager.position', { page: props.page, pages: props.pages })}</span>
      {props.page < props.pages ? (
        <a rel="next" href={props.href(props.page + 1)}>
          {props.t('site.pager.next')}
        </a>
      ) : (
        <span />
      )}
    </nav>
  )
}

/** `?page=N` as a positive integer, or null when it is not one (then the page is not found). */
export function pageNumber(raw: string | undefined): number | null {
  if (raw === undefined || raw === '') return 1
  if (!/^[1-9]\d{0,4}$/.test(raw)) return null
  return Number(raw)
}
