import type { Page } from 'playwright-core'
import { AppShell } from './app-shell.js'

/** The people, case and incident screens, used as a caseworker would: by labels and buttons. */
export class PeoplePagesObject extends AppShell {
  constructor(
    page: Page,
    readonly baseUrl: string,
  ) {
    super(page)
  }

  async openList(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/app/people`)
    await this.waitForHeading('People')
  }

  async search(text: string): Promise<void> {
    await this.page.getByLabel('Search by code or name').fill(text)
    await this.page.getByRole('button', { name: 'Search', exact: true }).click()
  }

  /** The codes the result list shows, once the search has answered. */
  async resultCodes(): Promise<string[]> {
    await this.page.getByText('Loading…').waitFor({ state: 'detached' })
    const table = this.page.getByRole('table', { name: 'People' })
    if ((await table.count()) === 0) return []
    return table.locator('tbody').getByRole('rowheader').allTextContents()
  }

  async register(fields: { names: Record<string, string>; situation: string }): Promise<string> {
    await this.page.goto(`${this.baseUrl}/app/people/new`)
    await this.waitForHeading('Register a person')
    for (const [script, value] of Object.entries(fields.names))
      await this.page.getByLabel(`Name in ${script}`).fill(value)
    await this.page.getByLabel('Situation', { exact: true }).selectOption(fields.situation)
    await this.page.getByRole('button', { name: 'Register', exact: true }).click()
    // The person's page, saying they are registered (issue #15).
    await this.page.getByRole('status').filter({ hasText: 'is registered.' }).waitFor()
    await this.page.waitForURL(/\/app\/people\/[\w-]{20,}$/)
    await this.personLoaded()
    return this.headingText()
  }

  /** A person's page has finished loading once its identity section is there. */
  async personLoaded(): Promise<void> {
    await this.page.getByRole('heading', { level: 2, name: 'Identity' }).waitFor()
  }

  async openCase(type: string): Promise<string> {
    await this.page.getByRole('link', { name: 'Open a case' }).click()
    await this.waitForHeading('Open a case')
    await this.page.getByLabel('Type').selectOption(type)
    await this.page.getByRole('button', { name: 'Open a case' }).click()
    await this.page.waitForURL(/\/app\/cases\/[\w-]{20,}$/)
    await this.page.getByRole('button', { name: 'Show the timeline and notes' }).waitFor()
    return this.headingText()
  }

  /** A case page's forms open on demand: opens the one behind `label` unless it is open. */
  async openOnDemand(label: string): Promise<void> {
    const details = this.page.locator('main details.on-demand', {
      has: this.page.locator('summary', { hasText: label }),
    })
    if ((await details.getAttribute('open')) === null)
      await details.locator('summary').first().click()
  }

  async addNote(text: string): Promise<void> {
    await this.openOnDemand('Add a note')
    await this.page.getByLabel('Text', { exact: true }).fill(text)
    await this.page.getByRole('button', { name: 'Add a note' }).click()
    await this.page.getByRole('status').filter({ hasText: 'Added to the timeline.' }).waitFor()
  }

  async attach(file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    await this.openOnDemand('Attach a file')
    await this.page.getByLabel('File (JPEG, PNG or PDF)').setInputFiles(file)
    await this.page.getByRole('button', { name: 'Attach a file' }).click()
    await this.page.getByRole('status').filter({ hasText: 'File attached.' }).waitFor()
  }

  async recordIncident(fields: {
    type: string
    date: string
    region: string
    people: string
  }): Promise<void> {
    await this.page.goto(`${this.baseUrl}/app/incidents`)
    await this.waitForHeading('Incidents')
    await this.page.getByLabel('What happened').selectOption(fields.type)
    await this.page.getByLabel('When').fill(fields.date)
    await this.page.getByLabel('Region (province or prefecture)').fill(fields.region)
    await this.page.getByLabel('People involved (codes, comma-separated)').fill(fields.people)
    await this.page.getByRole('button', { name: 'Record an incident' }).click()
    await this.page.getByRole('status').filter({ hasText: 'Incident recorded.' }).waitFor()
  }
}
