import type { Page } from 'playwright-core'

/** The administrators' keys page, as a person uses it: by labels, rows and buttons. */
export class KeysPageObject {
  constructor(readonly page: Page) {}

  async open(baseUrl: string): Promise<void> {
    await this.page.goto(`${baseUrl}/app/admin/keys`)
    await this.page.getByRole('table').waitFor()
  }

  row(code: string) {
    return this.page
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: code }) })
  }

  async rotate(code: string): Promise<void> {
    await this.page.getByRole('button', { name: `Rotate keys of ${code}` }).click()
  }

  async startShred(code: string): Promise<void> {
    await this.page.getByRole('button', { name: `Shred compartment ${code}` }).click()
  }

  async confirmShred(code: string, typed: string): Promise<void> {
    await this.page.getByLabel(`Type ${code} to confirm`).fill(typed)
    await this.page.getByRole('button', { name: `Destroy the keys of ${code}` }).click()
  }
}
