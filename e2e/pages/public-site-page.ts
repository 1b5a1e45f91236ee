import type { Page } from 'playwright-core'

/** The public website as a visitor uses it: links, the search box, the contact form. */
export class PublicSitePage {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  async open(path: string): Promise<number> {
    const response = await this.page.goto(`${this.baseUrl}${path}`)
    return response?.status() ?? 0
  }

  heading() {
    return this.page.getByRole('heading', { level: 1 })
  }

  async switchTo(languageName: string): Promise<void> {
    await this.page.locator('.lang-switch').getByRole('link', { name: languageName }).click()
  }

  async search(query: string): Promise<void> {
    await this.page.locator('header').getByRole('searchbox').fill(query)
    await this.page.locator('header').getByRole('button').click()
  }

  results() {
    return this.page.locator('ol.results > li')
  }

  async sendContact(
    fields: { message: string; name?: string; replyTo?: string },
    labels: { message: string; name: string; replyTo: string; submit: string },
  ) {
    await this.page.getByLabel(labels.message).fill(fields.message)
    if (fields.name) await this.page.getByLabel(labels.name).fill(fields.name)
    if (fields.replyTo) await this.page.getByLabel(labels.replyTo).fill(fields.replyTo)
    // People take a few seconds to write; the form refuses what is sent faster than that.
    await this.page.waitForTimeout(3200)
    await this.page.getByRole('button', { name: labels.submit }).click()
  }
}
