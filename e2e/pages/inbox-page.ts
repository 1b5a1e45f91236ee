import type { Page } from 'playwright-core'

/** The staff inbox of messages from the public site. */
export class InboxPageObject {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  async open(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/app/inbox`)
    await this.page.getByRole('heading', { name: 'Messages' }).waitFor()
    await this.page.locator('p[aria-live]').waitFor({ state: 'detached' })
  }

  messages() {
    return this.page.locator('.entry-list > li')
  }

  async openFirst(): Promise<void> {
    await this.messages().first().getByRole('link').click()
    await this.page.locator('.message-text, .alert').first().waitFor()
  }

  messageText() {
    return this.page.locator('.message-text')
  }
}
