import type { Page } from 'playwright-core'
import { AppShell } from './app-shell.js'

/** The administration: users, a user's grants, compartments, roles and security settings. */
export class AdminPagesObject extends AppShell {
  constructor(page: Page) {
    super(page)
  }

  async openSection(name: 'Users' | 'Compartments' | 'Roles' | 'Security'): Promise<void> {
    if (!this.page.url().includes('/app/admin')) await this.navLink('Administration').click()
    await this.page
      .getByRole('navigation', { name: 'Administration' })
      .getByRole('link', { name })
      .click()
    await this.waitForHeading(name)
  }

  async createCompartment(code: string, name: string, kind: string): Promise<void> {
    await this.openSection('Compartments')
    await this.page.getByLabel('Code', { exact: true }).fill(code)
    await this.page.getByLabel('Kind').selectOption({ label: kind })
    await this.page.getByLabel('Name', { exact: true }).fill(name)
    await this.page.getByRole('button', { name: 'Create compartment' }).click()
    await this.page
      .getByRole('status')
      .filter({ hasText: `Compartment ${code} created` })
      .waitFor()
  }

  /** Creates a user and returns the one-time link the page shows for them. */
  async createUser(loginName: string, displayName: string): Promise<string> {
    await this.openSection('Users')
    const link = this.page.locator('#issued-link')
    // The link shown for the previous user stays until this one's arrives: wait for a new one.
    const previous = (await link.count()) > 0 ? await link.textContent() : null
    await this.page.getByLabel('Login name').fill(loginName)
    await this.page.getByLabel('Display name').fill(displayName)
    await this.page.getByRole('button', { name: 'Create user' }).click()
    await this.page.waitForFunction((before) => {
      const text = document.querySelector('#issued-link')?.textContent
      return text && text !== before ? text : null
    }, previous)
    return (await link.textContent()) ?? ''
  }

  async openUser(loginName: string): Promise<void> {
    await this.openSection('Users')
    await this.page.getByRole('link', { name: loginName, exact: true }).click()
    await this.waitForHeading(new RegExp(`\\(${loginName}\\)`))
  }

  /** Adds a grant on the open user's page; `compartment` is the option's text, or undefined for the whole organisation. */
  async addGrant(role: string, compartment?: string | RegExp): Promise<void> {
    await this.page.getByLabel('Role', { exact: true }).selectOption({ label: role })
    if (compartment) {
      const select = this.page.getByLabel('Compartment', { exact: true })
      const options = await select.locator('option').allTextContents()
      const label = options.find((o) =>
        typeof compartment === 'string' ? o === compartment : compartment.test(o),
      )
      if (!label) throw new Error(`no compartment option ${compartment} in ${options.join(', ')}`)
      await select.selectOption({ label })
    }
    await this.page.getByRole('button', { name: 'Add grant' }).click()
  }

  grantsList() {
    return this.page.getByRole('region', { name: 'Grants' }).getByRole('listitem')
  }
}
