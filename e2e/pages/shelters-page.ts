import type { Page } from 'playwright-core'

/** The shelters screens as a coordinator uses them: by labels, rows, headings and buttons. */
export class SheltersPageObject {
  constructor(readonly page: Page) {}

  async openList(baseUrl: string): Promise<void> {
    await this.page.goto(`${baseUrl}/app/shelters`)
    await this.page.getByRole('heading', { level: 1, name: 'Shelters' }).waitFor()
  }

  async openShelter(input: {
    code: string
    region: string
    capacity: string
    openedOn: string
  }): Promise<void> {
    const form = this.page.locator('form').filter({ has: this.page.getByLabel('Capacity') })
    await form.getByLabel('Code', { exact: true }).fill(input.code)
    await form.getByLabel('Region').fill(input.region)
    await form.getByLabel('Capacity').fill(input.capacity)
    await form.getByLabel('Opened').fill(input.openedOn)
    await form.getByRole('button', { name: 'Open shelter' }).click()
  }

  row(code: string) {
    return this.page
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: code }) })
  }

  async goToShelter(code: string): Promise<void> {
    await this.row(code).getByRole('link', { name: code }).click()
    await this.page.getByRole('heading', { level: 1, name: code }).waitFor()
  }

  async addResident(personCode: string, fromDate: string): Promise<void> {
    await this.page.getByLabel('Person').selectOption({ label: personCode })
    await this.page.getByLabel('From').fill(fromDate)
    await this.page.getByRole('button', { name: 'Add a resident' }).click()
  }

  async addLogEntry(input: { kind: string; date: string; people: string[]; note: string }) {
    await this.page.getByLabel('What happened').selectOption({ label: input.kind })
    await this.page.getByLabel('Date', { exact: true }).fill(input.date)
    for (const code of input.people) await this.page.getByRole('checkbox', { name: code }).check()
    await this.page.getByLabel('Note').fill(input.note)
    await this.page.getByRole('button', { name: 'Add to the log' }).click()
  }

  logEntries() {
    return this.page
      .getByRole('region', { name: 'Incident and oversight log' })
      .getByRole('listitem')
  }

  async startCompromise(): Promise<void> {
    await this.page.getByRole('button', { name: 'Mark compromised', exact: true }).click()
  }

  async confirmCompromise(code: string, typed: string): Promise<void> {
    await this.page.getByLabel(`Type ${code} to confirm`).fill(typed)
    await this.page.getByRole('button', { name: `Mark ${code} compromised` }).click()
  }
}
