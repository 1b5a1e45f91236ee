import type { Page } from 'playwright-core'
import { AppShell } from './app-shell.js'

/** The audit log, as an auditor uses it. */
export class AuditPageObject extends AppShell {
  constructor(page: Page) {
    super(page)
  }

  async open(): Promise<void> {
    await this.navLink('Audit log').click()
    await this.waitForHeading('Audit log')
    await this.rows().first().waitFor()
  }

  rows() {
    return this.page.locator('table tbody tr')
  }

  async filter(fields: { actor?: string; action?: string; entityType?: string }): Promise<void> {
    await this.page.getByLabel('Who (login name)').fill(fields.actor ?? '')
    // The action is chosen by its words; the option's value is the code the log stores.
    await this.page.getByLabel('Action', { exact: true }).selectOption(fields.action ?? '')
    await this.page.getByLabel('Record type').selectOption(fields.entityType ?? '')
    await this.page.getByRole('button', { name: 'Apply filter' }).click()
  }

  async checkpoint(): Promise<string> {
    return (await this.page.locator('#chain-head').textContent()) ?? ''
  }

  /** The text of one column for every row shown, by the column's heading. */
  async column(name: string): Promise<string[]> {
    const headings = await this.page.locator('table thead th').allTextContents()
    const index = headings.indexOf(name)
    if (index < 0) throw new Error(`no column ${name} in ${headings.join(', ')}`)
    return this.rows()
      .locator(`:scope > :nth-child(${index + 1})`)
      .allTextContents()
  }
}
