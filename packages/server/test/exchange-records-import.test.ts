import { readFileSync } from 'node:fs'
import { translate } from '@haven/core/i18n/translate'
import { beforeEach, describe, expect, it } from 'vitest'
import type { AppContext } from '../src/app-context.js'
import { closeMonth } from '../src/modules/finance/books-service.js'
import { createPolicy } from '../src/modules/supplies/distribution-service.js'
import { createItem, createLocation, recordRate } from '../src/modules/supplies/stock-service.js'
import { describeEachDialect } from './support/dialects.js'
import { buildCompartment, buildUser, signIn } from './support/factories.js'
import { uploadSheet, utf8, workbook } from './support/sheet-uploads.js'
import { testAppContext } from './support/test-app.js'

const SHIFT_JIS_CSV = readFileSync(
  new URL('./fixtures/distributions-shift-jis.csv', import.meta.url),
)
const BY = { actorId: null, requestId: null }

describeEachDialect(
  'spreadsheet import of records (distributions, donations, partners, sponsors, supplies)',
  (ctx) => {
    let app: AppContext
    let shelterId: string
    let fieldWorker: Record<string, string>
    let finance: Record<string, string>

    const upload = (
      kind: 'distributions' | 'donations' | 'partners' | 'sponsors' | 'supplies',
      as: Record<string, string>,
      query: Record<string, string>,
      file: Uint8Array,
    ) =>
      uploadSheet(
        app,
        `/exchange/${kind}/imports`,
        {
          ...(kind === 'distributions' || kind === 'sponsors' ? { compartmentId: shelterId } : {}),
          source: 'Yanji office',
          ...query,
        },
        as,
        file,
      )

    const distributions = () =>
      app.database.db
        .selectFrom('distributions')
        .select(['day', 'headcount'])
        .where('compartment_id', '=', shelterId)
        .orderBy('day')
        .execute()

    const donations = () =>
      app.database.db
        .selectFrom('finance_postings')
        .select(['occurred_on', 'currency', 'minor', 'programme', 'counterparty_code'])
        .where('account_code', '=', '4100')
        .orderBy('occurred_on')
        .execute()

    beforeEach(async () => {
      await ctx.reset()
      app = testAppContext(ctx.database(), { now: () => new Date('2026-06-01T10:00:00Z') })
      shelterId = (await buildCompartment(app)).id
      await createPolicy(
        app,
        {
          compartmentId: shelterId,
          validFrom: '2026-01-01',
          validTo: null,
          amount: '20',
          currency: 'CNY',
          buysGrams: 10_000,
          dailyCap: 20,
          monthlyCap: '100000',
          monthlyCapCurrency: 'CNY',
          rationGrams: 500,
        },
        BY,
      )
      fieldWorker = (
        await signIn(
          app,
          await buildUser(app, { grants: [{ role: 'field_worker', compartmentId: shelterId }] }),
        )
      ).headers
      finance = (
        await signIn(
          app,
          await buildUser(app, { grants: [{ role: 'finance', compartmentId: null }] }),
        )
      ).headers
    })

    it('distributions: a Shift_JIS CSV with 令和 dates; the dry run writes nothing, the import records each under the policy, a second import adds nothing', async () => {
      const dry = await upload('distributions', fieldWorker, { dryRun: '1' }, SHIFT_JIS_CSV)
      expect(dry.status, await dry.clone().text()).toBe(200)
      expect(await dry.json()).toMatchObject({
        kind: 'distributions',
        dryRun: true,
        encoding: 'shift_jis',
        mapping: { ref: '番号', day: '配布日', headcount: '人数' },
        rows: 3,
        ready: 3,
        imported: 0,
        rowsWithErrors: 0,
      })
      expect(await distributions()).toHaveLength(0)
      const audited = () =>
        app.database.db
          .selectFrom('audit_log')
          .select('action')
          .where('action', 'in', ['distribution.recorded', 'exchange.records_imported'])
          .execute()
      expect(await audited()).toHaveLength(0)

      const done = await upload('distributions', fieldWorker, {}, SHIFT_JIS_CSV)
      expect(done.status, await done.clone().text()).toBe(200)
      expect(await done.json()).toMatchObject({ imported: 3, alreadyImported: 0 })
      expect(await distributions()).toEqual([
        { day: '2026-05-01', headcount: 12 },
        { day: '2026-05-02', headcount: 8 },
        { day: '2026-05-03', headcount: 5 },
      ])
      expect(await audited()).toHaveLength(4)

      const again = await upload('distributions', fieldWorker, {}, SHIFT_JIS_CSV)
      expect(await again.json()).toMatchObject({ imported: 0, alreadyImported: 3 })
      expect(await distributions()).toHaveLength(3)
    })

    it('distributions: every bad row is named (formula, future day, zero, past the daily cap), nothing is written, the fixed file imports', async () => {
      const broken = await workbook([
        ['ref', 'day', 'headcount'],
        ['1', new Date(Date.UTC(2026, 4, 10)), 15],
        ['2', '令和8年5月10日', 10],
        ['3', '2026-07-01', 3],
        ['4', '2026-05-11', 0],
        ['5', '2026-05-12', { formula: 'SUM(1,2)', result: 3 }],
      ])
      const dry = await upload('distributions', fieldWorker, { dryRun: '1' }, broken)
      expect(dry.status, await dry.clone().text()).toBe(200)
      const report = await dry.json()
      expect(report).toMatchObject({ rows: 5, ready: 1, rowsWithErrors: 4 })
      expect(
        report.issues.map((i: { line: number; header: string; key: string }) => [
          i.line,
          i.header,
          i.key,
        ]),
      ).toEqual([
        // Row 3 meets the cap after row 2's 15 people: refused as recording it by hand would be.
        [3, '', 'error.daily_cap_reached'],
        [4, 'day', 'field.date_in_future'],
        [5, 'headcount', 'field.quantity_positive'],
        [6, 'headcount', 'exchange.formula_cell'],
      ])
      const capIssue = report.issues[0]
      expect(translate('ja', capIssue.key, capIssue.params)).toMatch(/20/)
      const refused = await upload('distributions', fieldWorker, {}, broken)
      expect(refused.status).toBe(422)
      expect(await refused.json()).toMatchObject({ error: { code: 'import_has_errors' } })
      expect(await distributions()).toHaveLength(0)
      expect(await app.database.db.selectFrom('exchange_rows').selectAll().execute()).toHaveLength(
        0,
      )

      const fixed = await workbook([
        ['ref', 'day', 'headcount'],
        ['1', new Date(Date.UTC(2026, 4, 10)), 15],
        ['2', '令和8年5月10日', 5],
        ['4', '2026-05-11', 2],
      ])
      expect(await (await upload('distributions', fieldWorker, {}, fixed)).json()).toMatchObject({
        imported: 3,
      })
      expect(await (await upload('distributions', fieldWorker, {}, fixed)).json()).toMatchObject({
        imported: 0,
        alreadyImported: 3,
      })
    })

    it('distributions: refused to whoever may not record them there', async () => {
      const other = (await buildCompartment(app)).id
      const elsewhere = (
        await signIn(
          app,
          await buildUser(app, { grants: [{ role: 'field_worker', compartmentId: other }] }),
        )
      ).headers
      const sheet = utf8('day,headcount\n2026-05-01,3\n')
      for (const as of [finance, elsewhere]) {
        const answer = await upload('distributions', as, {}, sheet)
        expect([403, 404]).toContain(answer.status)
      }
      expect(await distributions()).toHaveLength(0)
    })

    it('donations: JPY, CNY and USD from a Japanese sheet, by donor code; a re-run adds nothing', async () => {
      await recordRate(app, { date: '2026-05-01', base: 'CNY', quote: 'JPY', rate: '21' }, BY)
      await recordRate(app, { date: '2026-05-01', base: 'USD', quote: 'JPY', rate: '150' }, BY)
      const sheet = utf8(
        '受付番号,受領日,金額,通貨,事業,寄付者コード,摘要\n' +
          'D-1,令和8年5月2日,"¥10,000",円,food,DN-0001,\n' +
          'D-2,2026/5/3,250.50,USD,education,,gala\n' +
          'D-3,R8.5.4,１２００,CNY,medical,DN-0002,\n',
      )
      const dry = await upload('donations', finance, { dryRun: '1' }, sheet)
      expect(dry.status, await dry.clone().text()).toBe(200)
      expect(await dry.json()).toMatchObject({ rows: 3, ready: 3, rowsWithErrors: 0 })
      expect(await donations()).toHaveLength(0)

      const done = await upload('donations', finance, {}, sheet)
      expect(done.status, await done.clone().text()).toBe(200)
      expect(await done.json()).toMatchObject({ imported: 3 })
      expect(await donations()).toEqual([
        {
          occurred_on: '2026-05-02',
          currency: 'JPY',
          minor: expect.anything(),
          programme: 'food',
          counterparty_code: 'DN-0001',
        },
        {
          occurred_on: '2026-05-03',
          currency: 'USD',
          minor: expect.anything(),
          programme: 'education',
          counterparty_code: null,
        },
        {
          occurred_on: '2026-05-04',
          currency: 'CNY',
          minor: expect.anything(),
          programme: 'medical',
          counterparty_code: 'DN-0002',
        },
      ])
      expect((await donations()).map((d) => Number(d.minor))).toEqual([-10_000, -25_050, -120_000])
      const again = await upload('donations', finance, {}, sheet)
      expect(await again.json()).toMatchObject({ imported: 0, alreadyImported: 3 })
      expect(await donations()).toHaveLength(3)
    })

    it('donations: a currency the books do not take, a bad amount, a missing rate and a closed month are each a row’s problem; nothing is posted', async () => {
      await closeMonth(app, '2026-04', BY)
      const sheet = utf8(
        'received_on,amount,currency,programme\n' +
          '2026-05-02,5000,JPY,food\n' +
          '2026-05-02,50,EUR,food\n' +
          '2026-05-02,abc,JPY,food\n' +
          '2026-05-02,300,USD,food\n' +
          '2026-04-20,1000,JPY,food\n',
      )
      const report = await (await upload('donations', finance, { dryRun: '1' }, sheet)).json()
      expect(report).toMatchObject({ rows: 5, ready: 1, rowsWithErrors: 4 })
      expect(report.issues.map((i: { line: number; key: string }) => [i.line, i.key])).toEqual([
        [3, 'field.invalid_value'],
        [4, 'field.amount_format'],
        [5, expect.stringMatching(/^error\./)],
        [6, 'error.period_closed'],
      ])
      const refused = await upload('donations', finance, {}, sheet)
      expect(refused.status).toBe(422)
      expect(await donations()).toHaveLength(0)
    })

    it('donations: refused to staff who do not keep the books', async () => {
      const sheet = utf8('received_on,amount,currency,programme\n2026-05-02,5000,JPY,food\n')
      const answer = await upload('donations', fieldWorker, {}, sheet)
      expect(answer.status).toBe(403)
      expect(await donations()).toHaveLength(0)
    })

    const partners = () =>
      app.database.db
        .selectFrom('network_organisations')
        .select(['name', 'type', 'country', 'status', 'status_since'])
        .orderBy('name')
        .execute()

    it('partners: a Japanese sheet with 令和 dates; the dry run writes nothing, the import creates each with its history, a second import adds nothing', async () => {
      const coordinator = (
        await signIn(
          app,
          await buildUser(app, { grants: [{ role: 'coordinator', compartmentId: shelterId }] }),
        )
      ).headers
      const sheet = await workbook([
        ['団体名', '種別', '国', '関係', '開始日'],
        ['Yanbian Aid', 'ngo', 'cn', '協力中', '令和7年4月1日'],
        ['Seoul Church', '教会', 'KR', '', ''],
      ])
      const dry = await upload('partners', coordinator, { dryRun: '1' }, sheet)
      expect(dry.status, await dry.clone().text()).toBe(200)
      expect(await dry.json()).toMatchObject({
        mapping: { name: '団体名', type: '種別', country: '国', status: '関係', since: '開始日' },
        rows: 2,
        ready: 2,
        rowsWithErrors: 0,
      })
      expect(await partners()).toHaveLength(0)
      expect(await (await upload('partners', coordinator, {}, sheet)).json()).toMatchObject({
        imported: 2,
      })
      expect(await partners()).toEqual([
        {
          name: 'Seoul Church',
          type: 'church',
          country: 'KR',
          status: 'prospect',
          status_since: '2026-06-01',
        },
        {
          name: 'Yanbian Aid',
          type: 'ngo',
          country: 'CN',
          status: 'active',
          status_since: '2025-04-01',
        },
      ])
      const again = await upload('partners', coordinator, {}, sheet)
      expect(await again.json()).toMatchObject({ imported: 0, alreadyImported: 2 })
      expect(await partners()).toHaveLength(2)
    })

    it('partners: bad rows are each named, nothing is created; staff who do not keep the network are refused', async () => {
      const editor = (
        await signIn(
          app,
          await buildUser(app, { grants: [{ role: 'editor', compartmentId: null }] }),
        )
      ).headers
      const sheet = utf8(
        'name,type,country,website\n' +
          'Yanbian Aid,ngo,CN,https://example.org\n' +
          'Tokyo Desk,ngo,XX,\n' +
          'Somewhere,club,JP,\n' +
          'Linky,ngo,JP,javascript:alert(1)\n' +
          'YANBIAN AID,ngo,CN,\n',
      )
      const report = await (await upload('partners', editor, { dryRun: '1' }, sheet)).json()
      expect(report).toMatchObject({ rows: 5, ready: 1, rowsWithErrors: 4 })
      expect(report.issues.map((i: { line: number; key: string }) => [i.line, i.key])).toEqual([
        [3, 'field.country_code'],
        [4, 'field.invalid_value'],
        [5, 'field.web_url'],
        [6, 'exchange.same_row_in_file'],
      ])
      expect((await upload('partners', editor, {}, sheet)).status).toBe(422)
      expect(await partners()).toHaveLength(0)
      const refused = await upload(
        'partners',
        fieldWorker,
        {},
        utf8('name,type,country\nA,ngo,JP\n'),
      )
      expect(refused.status).toBe(403)
      expect(await partners()).toHaveLength(0)
    })

    const sponsors = () =>
      app.database.db
        .selectFrom('sponsors')
        .select(['code', 'kind', 'language', 'contact'])
        .where('compartment_id', '=', shelterId)
        .orderBy('code')
        .execute()

    it('sponsors: an XLSX with Japanese words; each contact is sealed by sponsorship, a second import adds nothing', async () => {
      const coordinator = (
        await signIn(
          app,
          await buildUser(app, { grants: [{ role: 'coordinator', compartmentId: shelterId }] }),
        )
      ).headers
      const sheet = await workbook([
        ['会員番号', '種別', '言語', '連絡先'],
        ['S-1', '個人', '日本語', '佐藤 花子 東京都新宿区1-2-3'],
        ['S-2', '団体', 'en', 'Grace Church, 1 Main St, Seoul'],
      ])
      const dry = await upload('sponsors', coordinator, { dryRun: '1' }, sheet)
      expect(dry.status, await dry.clone().text()).toBe(200)
      expect(await dry.json()).toMatchObject({ rows: 2, ready: 2, rowsWithErrors: 0 })
      expect(await sponsors()).toHaveLength(0)
      expect(await (await upload('sponsors', coordinator, {}, sheet)).json()).toMatchObject({
        imported: 2,
      })
      const made = await sponsors()
      expect(made.map((x) => [x.kind, x.language])).toEqual([
        ['individual', 'ja'],
        ['organisation', 'en'],
      ])
      // Sealed through sponsorship's own write: no contact in the clear, nor in the row keys.
      expect(made.map((x) => x.contact).join()).not.toContain('佐藤')
      expect(made.map((x) => x.contact).join()).not.toContain('Grace')
      const keys = await app.database.db.selectFrom('exchange_rows').select('row_key').execute()
      expect(keys.map((k) => k.row_key).join()).not.toContain('S-1')
      const again = await upload('sponsors', coordinator, {}, sheet)
      expect(await again.json()).toMatchObject({ imported: 0, alreadyImported: 2 })
      expect(await sponsors()).toHaveLength(2)
    })

    it('sponsors: bad rows are each named, nothing is created; staff who do not keep sponsors are refused', async () => {
      const relations = (
        await signIn(
          app,
          await buildUser(app, {
            grants: [{ role: 'sponsor_relations', compartmentId: shelterId }],
          }),
        )
      ).headers
      const sheet = utf8(
        'kind,language,contact\n' +
          'individual,ja,Sato Hanako\n' +
          'family,ja,Kim Minji\n' +
          'individual,fr,Jean Dupont\n' +
          'organisation,en,\n',
      )
      const report = await (await upload('sponsors', relations, { dryRun: '1' }, sheet)).json()
      expect(report).toMatchObject({ rows: 4, ready: 1, rowsWithErrors: 3 })
      expect(
        report.issues.map((i: { line: number; header: string; key: string }) => [
          i.line,
          i.header,
          i.key,
        ]),
      ).toEqual([
        [3, 'kind', 'field.invalid_value'],
        [4, 'language', 'field.invalid_value'],
        [5, 'contact', 'field.required'],
      ])
      expect((await upload('sponsors', relations, {}, sheet)).status).toBe(422)
      expect(await sponsors()).toHaveLength(0)
      for (const as of [fieldWorker, finance]) {
        const refused = await upload(
          'sponsors',
          as,
          {},
          utf8('kind,language,contact\nindividual,ja,A B\n'),
        )
        expect([403, 404]).toContain(refused.status)
      }
      expect(await sponsors()).toHaveLength(0)
    })

    describe('supplies', () => {
      let coordinator: Record<string, string>
      let warehouseId: string

      const movements = () =>
        app.database.db
          .selectFrom('stock_movements')
          .select(['kind', 'from_location_id', 'to_location_id', 'quantity', 'occurred_on', 'note'])
          .orderBy('occurred_on')
          .execute()
      const stock = () =>
        app.database.db
          .selectFrom('stock_levels')
          .select(['location_id', 'quantity'])
          .where('quantity', '<>', 0)
          .orderBy('quantity')
          .execute()

      beforeEach(async () => {
        await createItem(app, { name: 'Rice', nameJa: '米', kind: 'rice', unit: 'kg' }, BY)
        await createItem(
          app,
          { name: 'First-aid kit', nameJa: '救急キット', kind: 'first_aid_kit', unit: 'kit' },
          BY,
        )
        warehouseId = (
          await createLocation(
            app,
            { name: 'Yanji warehouse', nameJa: '延吉倉庫', kind: 'warehouse', compartmentId: null },
            BY,
          )
        ).id
        await createLocation(
          app,
          { name: 'Shelter A', nameJa: '', kind: 'shelter', compartmentId: shelterId },
          BY,
        )
        await createLocation(
          app,
          { name: 'Hoeryong', nameJa: '会寧', kind: 'delivery', compartmentId: null },
          BY,
        )
        coordinator = (
          await signIn(
            app,
            await buildUser(app, { grants: [{ role: 'coordinator', compartmentId: shelterId }] }),
          )
        ).headers
      })

      it('an XLSX with Japanese headers and names, full-width digits and 令和 dates: the dry run writes nothing, the import receives each into stock, a second import adds nothing', async () => {
        const sheet = await workbook([
          ['品目', '保管場所', '数量', '単位', '入庫日', '備考'],
          ['米', '延吉倉庫', '１２０.５', 'キロ', '令和8年5月1日', '延吉教会から寄贈'],
          ['first-aid KIT', 'Shelter A', 10, '', '2026/5/2', ''],
        ])
        const dry = await upload('supplies', coordinator, { dryRun: '1' }, sheet)
        expect(dry.status, await dry.clone().text()).toBe(200)
        expect(await dry.json()).toMatchObject({
          kind: 'supplies',
          dryRun: true,
          format: 'xlsx',
          mapping: {
            item: '品目',
            place: '保管場所',
            quantity: '数量',
            unit: '単位',
            received_on: '入庫日',
            note: '備考',
          },
          rows: 2,
          ready: 2,
          imported: 0,
          rowsWithErrors: 0,
        })
        expect(await movements()).toHaveLength(0)
        expect(await stock()).toHaveLength(0)

        const done = await upload('supplies', finance, {}, sheet)
        expect(done.status, await done.clone().text()).toBe(200)
        expect(await done.json()).toMatchObject({ imported: 2, alreadyImported: 0 })
        const shelf = await app.database.db
          .selectFrom('supply_locations')
          .select('id')
          .where('name', '=', 'Shelter A')
          .executeTakeFirstOrThrow()
        expect((await movements()).map((m) => ({ ...m, quantity: Number(m.quantity) }))).toEqual([
          {
            kind: 'receipt',
            from_location_id: null,
            to_location_id: warehouseId,
            quantity: 120_500,
            occurred_on: '2026-05-01',
            note: '延吉教会から寄贈',
          },
          {
            kind: 'receipt',
            from_location_id: null,
            to_location_id: shelf.id,
            quantity: 10,
            occurred_on: '2026-05-02',
            note: null,
          },
        ])
        expect((await stock()).map((s) => [s.location_id, Number(s.quantity)])).toEqual([
          [shelf.id, 10],
          [warehouseId, 120_500],
        ])
        const audited = await app.database.db
          .selectFrom('audit_log')
          .select(['action', 'compartment_id'])
          .where('action', 'in', ['stock.receipt', 'exchange.records_imported'])
          .orderBy('action')
          .execute()
        expect(audited.map((a) => a.action)).toEqual([
          'exchange.records_imported',
          'stock.receipt',
          'stock.receipt',
        ])
        // The shelter's receipt is audited in its compartment, as a movement recorded by hand is.
        expect(audited.map((a) => a.compartment_id)).toContain(shelterId)

        const again = await upload('supplies', coordinator, {}, sheet)
        expect(await again.json()).toMatchObject({ imported: 0, alreadyImported: 2 })
        expect(await movements()).toHaveLength(2)
      })

      it('bad rows (an unknown item, a negative quantity, a formula, the wrong unit, half a kit, a place that holds no stock) are each named in the reader’s language; nothing is written', async () => {
        const sheet = utf8(
          'item,place,quantity,unit,date\n' +
            'Rice,Yanji warehouse,50,kg,2026-05-01\n' +
            'Blankets,Yanji warehouse,5,,2026-05-01\n' +
            'Rice,Yanji warehouse,-5,kg,2026-05-01\n' +
            'Rice,Yanji warehouse,=2*3,kg,2026-05-01\n' +
            '救急キット,延吉倉庫,3,kg,2026-05-01\n' +
            'First-aid kit,Yanji warehouse,1.5,,2026-05-01\n' +
            'Rice,Hoeryong,10,kg,2026-05-01\n' +
            'Rice,Nowhere,10,kg,2026-05-01\n',
        )
        const dry = await upload('supplies', coordinator, { dryRun: '1' }, sheet)
        expect(dry.status, await dry.clone().text()).toBe(200)
        const report = await dry.json()
        expect(report).toMatchObject({ rows: 8, ready: 1, rowsWithErrors: 7 })
        expect(
          report.issues.map((i: { line: number; header: string; key: string }) => [
            i.line,
            i.header,
            i.key,
          ]),
        ).toEqual([
          [3, '', 'exchange.unknown_item'],
          [4, 'quantity', 'field.quantity_positive'],
          [5, 'quantity', 'exchange.formula_cell'],
          [6, '', 'exchange.unit_mismatch'],
          [7, '', 'field.quantity_whole'],
          [8, '', 'error.location_holds_no_stock'],
          [9, '', 'exchange.unknown_place'],
        ])
        const unknown = report.issues[0]
        expect(translate('ja', unknown.key, unknown.params)).toContain(
          '「Blankets」という品目はありません',
        )
        const refused = await upload('supplies', coordinator, {}, sheet)
        expect(refused.status).toBe(422)
        expect(await refused.json()).toMatchObject({ error: { code: 'import_has_errors' } })
        expect(await movements()).toHaveLength(0)
        expect(await stock()).toHaveLength(0)
        expect(
          await app.database.db.selectFrom('exchange_rows').selectAll().execute(),
        ).toHaveLength(0)
      })

      it('refused to staff who may not record stock movements', async () => {
        const refused = await upload(
          'supplies',
          fieldWorker,
          {},
          utf8('item,place,quantity,date\nRice,Yanji warehouse,5,2026-05-01\n'),
        )
        expect(refused.status).toBe(403)
        expect(await movements()).toHaveLength(0)
      })
    })
  },
)
