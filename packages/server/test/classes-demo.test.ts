import { fiscalYear } from '@haven/core/site/fiscal-year'
import { expect, it } from 'vitest'
import { classesModule } from '../src/modules/classes/index.js'
import { MODULES } from '../src/modules/index.js'
import { peopleModule } from '../src/modules/people/index.js'
import { describeEachDialect } from './support/dialects.js'
import { testAppContext } from './support/test-app.js'

describeEachDialect('the classes demo', (ctx) => {
  it('adds a Japanese class whose graduates go on to night school, once, and counts its year', async () => {
    await ctx.reset()
    const app = testAppContext(ctx.database())
    await peopleModule.demo?.run(app)
    const demo = classesModule.demo
    expect(await demo.run(app)).toMatchObject({ created: 1, skipped: 0 })
    expect(await demo.run(app)).toMatchObject({ created: 0, skipped: 1 })
    const figures = MODULES.flatMap((m) => m.figures ?? [])
    const compute = (key: string) =>
      figures.find((f) => f.key === key)?.compute(app.database.db, fiscalYear(2005))
    expect(await compute('classes.learners.by-language')).toMatchObject({ values: [6, 0, 0, 0] })
    // 40 sessions of 90 minutes.
    expect(await compute('classes.hours.by-language')).toMatchObject({ values: [60, 0, 0, 0] })
    expect(await compute('classes.graduates.by-next-step')).toMatchObject({
      values: [4, 0, 1, 0, 0],
    })
  })
})
