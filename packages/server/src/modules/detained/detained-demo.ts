import { seededRandom, syntheticName } from '@haven/core/synthetic/synthetic-names'
import type { AppContext } from '../../app-context.js'
import type { DemoStep } from '../../haven-module.js'
import { ensureDetainedCompartment } from './detained-compartment.js'
import { changeDetention, createDetained, payFamily, recordAdvocacy } from './detained-service.js'
import { findWorker, findWorkerByCode } from './detained-store.js'

const BY = { actorId: null, requestId: 'demo' }

/**
 * Two records shaped like the seed's (never its real people): one imprisoned on a five-year term
 * and still held, one released and deported after fifteen months. Names are synthetic.
 */
export const detainedDemo: DemoStep = {
  name: 'detained aid workers',
  counts: { one: 'record', other: 'records' },
  async run(app: AppContext) {
    if (await findWorkerByCode(app.database.db, 'DW-01')) return { created: 0, skipped: 2 }
    const compartmentId = await ensureDetainedCompartment(app)
    const random = seededRandom(18)
    const reload = async (id: string) => {
      const row = await findWorker(app.database.db, id)
      if (!row) throw new Error('the demo record vanished')
      return row
    }
    const held = await createDetained(
      app,
      {
        compartmentId,
        code: 'DW-01',
        name: syntheticName(random).latin,
        nationality: 'KR',
        arrestedOn: '2003-01',
        arrestPlace: 'Shandong',
        charge: 'Organising an illegal border crossing',
        status: 'detained',
        // Shaped like the seed's imprisoned worker, whose name the campaign for them made known.
        publicFigure: true,
      },
      BY,
    )
    await changeDetention(app, held, { status: 'sentenced', on: '2003-09-15', termMonths: 60 }, BY)
    for (const paidOn of ['2005-06-30', '2005-12-20', '2006-03-25'])
      await payFamily(app, await reload(held.id), { paidOn, amount: '3000', currency: 'CNY' }, BY)
    await recordAdvocacy(
      app,
      await reload(held.id),
      {
        kind: 'government_meeting',
        on: '2005-10-05',
        addressedTo: 'A foreign ministry',
        summary: 'Asked for early release on humanitarian grounds.',
        answeredOn: '2005-12-01',
        answer: 'The request is under review.',
      },
      BY,
    )
    const deported = await createDetained(
      app,
      {
        compartmentId,
        code: 'DW-02',
        name: syntheticName(random).latin,
        nationality: 'JP',
        arrestedOn: '2004-10',
        arrestPlace: 'Jilin',
        charge: 'Sheltering refugees',
        status: 'detained',
      },
      BY,
    )
    await changeDetention(
      app,
      deported,
      { status: 'sentenced', on: '2005-03-01', termMonths: 24 },
      BY,
    )
    await changeDetention(
      app,
      await reload(deported.id),
      { status: 'deported', on: '2006-01-31' },
      BY,
    )
    await recordAdvocacy(
      app,
      await reload(deported.id),
      {
        kind: 'letter',
        on: '2005-02-10',
        addressedTo: 'An embassy',
        summary: 'Asked for consular visits.',
      },
      BY,
    )
    return { created: 2, skipped: 0, detail: 'with family support payments and advocacy' }
  },
}
