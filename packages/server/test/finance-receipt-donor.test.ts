import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeEach, expect, it } from 'vitest'
import type { AppContext } from '../src/app-context.js'
import { findCompartmentByCode } from '../src/compartments/compartment-store.js'
import type { CompartmentsTable } from '../src/compartments/compartment-tables.js'
import { shredCompartment } from '../src/crypto/shred.js'
import { DONORS_COMPARTMENT_CODE } from '../src/modules/finance/donors-compartment.js'
import { describeEachDialect } from './support/dialects.js'
import { buildCompartment, buildUser, signIn } from './support/factories.js'
import { testAppContext, testApps } from './support/test-app.js'

type Headers = Record<string, string>

/**
 * A receipt names its donor: the name sealed on the receipt (from the sponsor's record for a
 * sponsor's payment), opened only when the PDF is printed, and that opening audited.
 */
describeEachDialect('finance: receipts name their donor, sealed until printed', (ctx) => {
  let app: AppContext
  let sponsors: CompartmentsTable
  let finance: Headers
  let coordinator: Headers

  beforeEach(async () => {
    await ctx.reset()
    app = testAppContext(ctx.database(), { now: () => new Date('2006-05-15T10:00:00Z') })
    sponsors = await buildCompartment(app, 'SPONSORS')
    finance = (
      await signIn(
        app,
        await buildUser(app, { grants: [{ role: 'finance', compartmentId: null }] }),
      )
    ).headers
    coordinator = (
      await signIn(
        app,
        await buildUser(app, { grants: [{ role: 'coordinator', compartmentId: sponsors.id }] }),
      )
    ).headers
  })

  const request = (method: string, path: string, body: unknown, headers: Headers) =>
    testApps(app).staff.request(`/api/v1${path}`, {
      method,
      headers: {
        ...headers,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
  const created = async (res: Response) => {
    const body = await res.json()
    expect(res.status, JSON.stringify(body)).toBe(201)
    return body
  }
  const donation = async (on: string, amount: string) =>
    created(
      await request(
        'POST',
        '/finance/entries',
        {
          on,
          direction: 'in',
          amount,
          currency: 'JPY',
          programme: 'administration',
          account: '4100',
        },
        finance,
      ),
    )
  const receiptRow = (id: string) =>
    app.database.db
      .selectFrom('finance_receipts')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
  const donorReads = async () =>
    (
      await app.database.db
        .selectFrom('audit_log')
        .select(['entity_id', 'compartment_id'])
        .where('action', '=', 'finance.receipt_donor_read')
        .execute()
    ).map((r) => [r.entity_id, r.compartment_id])
  const pdfText = async (id: string, headers = finance) => {
    const res = await request('GET', `/finance/receipts/${id}/pdf`, undefined, headers)
    expect(res.status).toBe(200)
    const file = join(mkdtempSync(join(tmpdir(), 'haven-receipt-')), 'r.pdf')
    writeFileSync(file, new Uint8Array(await res.arrayBuffer()))
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
  }

  it('takes a sponsor’s name from the sponsor’s record, sealed in the sponsor’s compartment', async () => {
    const contact = '田中 花子　大阪市北区梅田1-2-3'
    const sponsor = await created(
      await request(
        'POST',
        '/sponsorship/sponsors',
        { compartmentId: sponsors.id, kind: 'individual', language: 'ja', contact },
        coordinator,
      ),
    )
    await created(
      await request(
        'POST',
        `/sponsorship/sponsors/${sponsor.id}/payments`,
        { amountMinor: 30000, currency: 'JPY', receivedOn: '2006-04-20' },
        coordinator,
      ),
    )
    const journal = await (
      await request('GET', '/finance/transactions?fiscalYear=2006', undefined, finance)
    ).json()
    const payment = journal.items[0]
    expect(payment.source.module).toBe('sponsorship')

    // The code is the sponsor's: another is refused, and takes no number.
    const wrong = await request(
      'POST',
      `/finance/transactions/${payment.id}/receipt`,
      { donorCode: 'SP-9999', locale: 'ja' },
      finance,
    )
    expect(wrong.status).toBe(422)
    expect((await wrong.json()).error.fields).toEqual({
      donorCode: `This payment came from sponsor ${sponsor.code}: the receipt uses that code.`,
    })

    const receipt = await created(
      await request(
        'POST',
        `/finance/transactions/${payment.id}/receipt`,
        { donorCode: sponsor.code, locale: 'ja' },
        finance,
      ),
    )
    expect([receipt.number, receipt.donorName]).toEqual(['2006-0001', 'printed'])
    const row = await receiptRow(receipt.id)
    expect(row.compartment_id).toBe(sponsors.id)
    expect(row.donor_name).toMatch(/^v1\.\d+\./)
    expect(JSON.stringify(row)).not.toContain('田中')
    // Issuing opened nothing for anyone: no donor read yet.
    expect(await donorReads()).toEqual([])

    const text = await pdfText(receipt.id)
    expect(text).toContain('寄付金受領証明書')
    expect(text).toContain('寄付者：田中 花子')
    expect(text).toContain('大阪市北区梅田1-2-3')
    expect(text).toContain(`寄付者コード：${sponsor.code}`)
    expect(text).toMatch(/金額：[¥￥]30,000/)
    expect(await donorReads()).toEqual([[receipt.id, sponsors.id]])
  })

  it('seals a name typed for another donor in the donors compartment, and prints it in English', async () => {
    const named = await created(
      await request(
        'POST',
        `/finance/transactions/${(await donation('2006-04-10', '50000')).id}/receipt`,
        { donorCode: 'D-007', locale: 'en', donorName: 'Yamada Taro, 4-5-6 Shibuya, Tokyo' },
        finance,
      ),
    )
    const unnamed = await created(
      await request(
        'POST',
        `/finance/transactions/${(await donation('2006-04-11', '7000')).id}/receipt`,
        { donorCode: 'D-008', locale: 'en', donorName: '  ' },
        finance,
      ),
    )
    expect([named.donorName, unnamed.donorName]).toEqual(['printed', 'none'])
    const donors = await findCompartmentByCode(app.database.db, DONORS_COMPARTMENT_CODE)
    expect((await receiptRow(named.id)).compartment_id).toBe(donors?.id)
    expect(await receiptRow(unnamed.id)).toMatchObject({ compartment_id: null, donor_name: null })

    const text = await pdfText(named.id)
    expect(text).toContain('Donation receipt')
    expect(text).toContain('Donor：Yamada Taro, 4-5-6 Shibuya, Tokyo')
    expect(text).toContain('Donor code：D-007')
    const plain = await pdfText(unnamed.id)
    expect(plain).toContain('Donor code：D-008')
    expect(plain).not.toContain('Donor：')
    expect(await donorReads()).toEqual([[named.id, donors?.id]])

    // Finance working for one shelter only holds no grant where the name is sealed: the receipt
    // prints by code, and nothing is opened.
    const shelter = await buildCompartment(app, 'YAN-01')
    const local = (
      await signIn(
        app,
        await buildUser(app, { grants: [{ role: 'finance', compartmentId: shelter.id }] }),
      )
    ).headers
    const listed = await (
      await request('GET', '/finance/receipts?fiscalYear=2006', undefined, local)
    ).json()
    expect(listed.items.map((r: { donorName: string }) => r.donorName)).toEqual([
      'withheld',
      'none',
    ])
    const byCode = await pdfText(named.id, local)
    expect(byCode).toContain('Donor code：D-007')
    expect(byCode).not.toContain('Yamada')
    expect(await donorReads()).toHaveLength(1)

    // Shredding the donors compartment leaves the receipt, its number and code; the name is gone.
    if (!donors) throw new Error('the donors compartment exists once a name was sealed')
    await shredCompartment(app, donors, { actorId: null, requestId: null, via: 'cli' })
    const shredded = await pdfText(named.id)
    expect(shredded).toContain('its keys were destroyed')
    expect(shredded).not.toContain('Yamada')
    expect(shredded).toContain('Donor code：D-007')
  })
})
