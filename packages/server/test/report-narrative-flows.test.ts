import { beforeEach, expect, it } from 'vitest'
import type { AppContext } from '../src/app-context.js'
import { sheltersModule } from '../src/modules/shelters/index.js'
import { sponsorshipModule } from '../src/modules/sponsorship/index.js'
import { describeEachDialect } from './support/dialects.js'
import { buildUser, signIn } from './support/factories.js'
import { testAppContext, testApps } from './support/test-app.js'

interface Finding {
  locale: 'en' | 'ja'
  text: string
  status: 'consistent' | 'contradiction'
  figure: string
  explanation: { en: string; ja: string }
}

describeEachDialect('a flow typed in the annual report’s narrative, against the records', (ctx) => {
  let app: AppContext
  let headers: Record<string, string>[]

  beforeEach(async () => {
    await ctx.reset()
    app = testAppContext(ctx.database(), { now: () => new Date('2006-06-01T10:00:00Z') })
    headers = []
    for (let i = 0; i < 2; i++) {
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

  it('reads “from 32 to 20” against the sponsorship plan’s start and end with the arithmetic in both languages; a wrong end blocks approval until corrected', async () => {
    // The seed's FY2005: 32 children at the start, 8 join, 18 leave and 2 graduate, 20 remain.
    await sheltersModule.demo?.run(app)
    expect(await sponsorshipModule.demo?.run(app)).toMatchObject({ skipped: 0 })
    expect((await request('POST', '/reports', { fiscalYear: 2005 })).status).toBe(201)
    const patched = await request('PATCH', '/reports/2005', {
      version: 1,
      templateEn: 'The children we sponsored went from 32 to 20 over the year.',
      templateJa: '里親支援の児童は32名から22名になりました。',
    })
    expect(patched.status, await patched.clone().text()).toBe(200)
    const review = (await (await request('GET', '/reports/2005/review')).json()) as {
      narrative: Finding[]
    }
    const flows = review.narrative.filter((n) => n.figure === 'sponsorship.children')
    expect(
      flows.map((f) => [f.locale, f.text, f.status]),
      flows.map((f) => f.explanation.en).join(' / '),
    ).toEqual([
      ['en', 'from 32 to 20', 'consistent'],
      ['ja', '32名から22名', 'contradiction'],
    ])
    expect(flows[0]?.explanation.en).toBe(
      'Stated from 32 to 20; from the records (children in the sponsorship plan): 32 at the start + 8 in − 20 out = 20 at the end. They agree.',
    )
    expect(flows[0]?.explanation.ja).toBe(
      '記載は32から20。記録（里親プランの児童）では年度初め 32 + 増加 8 − 減少 20 = 年度末 20。一致します。',
    )
    expect(flows[1]?.explanation.ja).toBe(
      '記載は32から22ですが、記録（里親プランの児童）では年度初め 32 + 増加 8 − 減少 20 = 年度末 20 です。',
    )
    expect(flows[1]?.explanation.en).toContain('Stated from 32 to 22, but the records')

    // The contradiction blocks approval, with the typed words in the message.
    expect((await request('POST', '/reports/2005/submit', { version: 2 })).status).toBe(200)
    const refused = await request('POST', '/reports/2005/approve', { version: 3 }, 1)
    expect(refused.status).toBe(409)
    const problem = ((await refused.json()) as { error: { code: string; message: string } }).error
    expect(problem.code).toBe('report_narrative_contradiction')
    expect(problem.message).toContain('32名から22名')

    // Corrected to the records: nothing left to contradict, and approval goes through.
    await request('PATCH', '/reports/2005', {
      version: 3,
      templateJa: '里親支援の児童は32名から20名になりました。',
    })
    const again = (await (await request('GET', '/reports/2005/review')).json()) as {
      narrative: Finding[]
    }
    expect(again.narrative.filter((n) => n.status === 'contradiction')).toEqual([])
    expect((await request('POST', '/reports/2005/submit', { version: 4 })).status).toBe(200)
    expect((await request('POST', '/reports/2005/approve', { version: 5 }, 1)).status).toBe(200)
  }, 180_000)
})
