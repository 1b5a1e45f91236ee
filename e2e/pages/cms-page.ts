import type { Page } from 'playwright-core'

/** The website editor in the staff app, by its labels and buttons (English interface). */
export class CmsPageObject {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  async startNew(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/app/cms/new`)
    await this.page.getByLabel('What are you writing?').waitFor()
  }

  async fill(fields: {
    title: string
    slug?: string
    summary?: string
    body: string
  }): Promise<void> {
    await this.page.getByLabel('Title', { exact: true }).fill(fields.title)
    if (fields.slug !== undefined)
      await this.page.getByLabel('Address', { exact: true }).fill(fields.slug)
    if (fields.summary !== undefined)
      await this.page.getByLabel('Summary', { exact: true }).fill(fields.summary)
    await this.page.getByLabel('Text', { exact: true }).fill(fields.body)
  }

  async create(): Promise<void> {
    await this.page.getByRole('button', { name: 'Create draft' }).click()
    await this.page.getByRole('button', { name: 'Send for review' }).waitFor()
  }

  async preview(): Promise<string> {
    await this.page.getByRole('button', { name: 'Preview' }).click()
    const article = this.page.locator('article.preview')
    await article.waitFor()
    return article.innerHTML()
  }

  async submitAndPublish(): Promise<string> {
    await this.page.getByRole('button', { name: 'Send for review' }).click()
    await this.page.getByRole('button', { name: 'Publish' }).waitFor()
    await this.page.getByRole('button', { name: 'Publish', exact: true }).click()
    const notice = this.page.getByRole('status').filter({ hasText: 'Published at' })
    await notice.waitFor()
    return (await notice.textContent()) ?? ''
  }

  async openLanguage(name: string): Promise<void> {
    await this.page
      .locator('.lang-tabs')
      .getByRole('link', { name: new RegExp(`^${name}`) })
      .click()
  }

  async createTranslation(language: string): Promise<void> {
    await this.page.getByRole('button', { name: `Create the ${language} version` }).click()
    await this.page.getByRole('button', { name: 'Send for review' }).waitFor()
  }
}
