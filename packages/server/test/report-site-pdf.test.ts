import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeEach, expect, it } from 'vitest'
import type { AppContext } from '../src/app-context.js'
import { describeEachDialect } from './support/dialects.js'
import { buildUser, signIn } from './support/factories.js'
import { buildShelter } from './support/shelter-factories.js'
import { testAppContext, testApps } from './support/test-app.js'

const TEMPLATE_EN = 'We ran {{shelters.operating}} shelters in FY{{year}}.'
const TEMPLATE_JA = 'FY{{year}}は{{shelters.operating}}か所のシェルターを運営しました。'

/** The text of a PDF as `pdftotext` reads it (what a reader's search or copy would get). */
function pdfText(bytes: Uint8Array): string {
  const file = join(mkdtempSync(join(tmpdir(), 'haven-report-pdf-')), 'report.pdf')
  writeFileSync(file, bytes)
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
}

describeEachDialect('the annual report’s PDF on the public site', (ctx) => {
  let app: AppContext
  let headers: Record<string, string>[]

  beforeEach(async () => {
    await ctx.reset()
    app = testAppContext(ctx.database(), { now: () => new Date('2032-01-01T10:00:00Z') })
    headers = []
    for (let i = 0; i < 3; i++) {
      const user = await buildUser(app, { grants: [{ role: 'editor', compartmentId: null }] })
      headers.push((await signIn(app, user)).headers)
    }
  })

  const request = (method: string, path: string, body?: unknown, who = 0) =>
    testApps(app).staff.request(`/api/v1${path}`, {
      method,
      headers: {
        ...headers[who],
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
  const site = (path: string) => testApps(app).site.request(path)

  /** Submit, two approvals by editors 1 and 2, publish, from `version`. */
  async function release(year: number, version: number) {
    expect((await request('POST', `/reports/${year}/submit`, { version }, 0)).status).toBe(200)
    expect(
      (await request('POST', `/reports/${year}/approve`, { version: version + 1 }, 1)).status,
    ).toBe(200)
    expect(
      (await request('POST', `/reports/${year}/approve`, { version: version + 1 }, 2)).status,
    ).toBe(200)
    const published = await request('POST', `/reports/${year}/publish`, { version: version + 1 }, 1)
    expect(published.status, await published.clone().text()).toBe(200)
  }

  /** The PDF the report page links in a language: its address, then the response. */
  async function linkedPdf(year: number, locale: 'en' | 'ja') {
    const page = await (await site(`/${locale}/reports/activity-report-fy${year}`)).text()
    const href = /href="(\/media\/[0-9a-f-]{36}\.pdf)"/.exec(page)?.[1]
    expect(href, `the ${locale} page of FY${year} links its PDF`).toBeDefined()
    return { href: href ?? '', response: await site(href ?? '') }
  }

  it('links each release’s PDF from the page in both languages, serves it as published, and corrects next year’s comparison', async () => {
    for (let i = 0; i < 3; i++) await buildShelter(app, { openedOn: '2028-01-10' })
    await request('POST', '/reports', { fiscalYear: 2029 })
    await request('PATCH', '/reports/2029', {
      version: 1,
      templateEn: TEMPLATE_EN,
      templateJa: TEMPLATE_JA,
    })
    await release(2029, 2)

    const en = await linkedPdf(2029, 'en')
    expect(en.response.status).toBe(200)
    expect(en.response.headers.get('content-type')).toBe('application/pdf')
    expect(en.response.headers.get('cache-control')).toContain('immutable')
    expect(en.response.headers.get('content-disposition')).toBe(
      'inline; filename="activity-report-FY2029-en.pdf"',
    )
    const firstEn = new Uint8Array(await en.response.arrayBuffer())
    expect(new TextDecoder().decode(firstEn.slice(0, 5))).toBe('%PDF-')
    expect(pdfText(firstEn)).toContain('We ran 3 shelters')
    const ja = await linkedPdf(2029, 'ja')
    expect(ja.response.headers.get('content-language')).toBe('ja')
    expect(pdfText(new Uint8Array(await ja.response.arrayBuffer()))).toContain(
      '3か所のシェルターを運営しました',
    )
    // An address that names no PDF is not found.
    expect((await site('/media/00000000-0000-0000-0000-000000000000.pdf')).status).toBe(404)

    // The next year starts from this text and compares with it.
    await request('POST', '/reports', { fiscalYear: 2030 })
    await release(2030, 1)
    const next = await (await site('/en/reports/activity-report-fy2030')).text()
    expect(next).toMatch(/<td[^>]*>3<\/td>\s*<td[^>]*>3<\/td>/)

    // A shelter was missed in FY2029 (and runs in FY2030 too): FY2029 is corrected to 4.
    await buildShelter(app, { openedOn: '2028-03-01' })
    const started = await request('POST', '/reports/2029/correct', {
      version: 4,
      reason: 'A shelter opened in March 2028 was missed.',
    })
    expect(started.status).toBe(200)
    expect((await started.json()).correctionReason).toBe(
      'A shelter opened in March 2028 was missed.',
    )
    await release(2029, 5)

    // The page links the correction's PDF; the first release's PDF is still what it was.
    const corrected = await linkedPdf(2029, 'en')
    expect(corrected.href).not.toBe(en.href)
    expect(corrected.response.headers.get('content-disposition')).toContain(
      'activity-report-FY2029-correction-1-en.pdf',
    )
    const correctedText = pdfText(new Uint8Array(await corrected.response.arrayBuffer()))
    expect(correctedText).toContain('We ran 4 shelters')
    expect(correctedText).toContain('Corrected on')
    expect(pdfText(new Uint8Array(await (await site(en.href)).arrayBuffer()))).toContain(
      'We ran 3 shelters',
    )

    // FY2030's comparison now reads the corrected FY2029 (4), beside its own frozen 3.
    const after = await (await site('/en/reports/activity-report-fy2030')).text()
    expect(after).toMatch(/<td[^>]*>4<\/td>\s*<td[^>]*>3<\/td>/)
    expect(after).toContain('We ran 3 shelters in FY2030')
    const nextPdf = pdfText(
      new Uint8Array(await (await linkedPdf(2030, 'ja')).response.arrayBuffer()),
    )
    expect(nextPdf).toMatch(/4\s+3/)
  })
})
