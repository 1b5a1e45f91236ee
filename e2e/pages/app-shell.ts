import type { Page } from 'playwright-core'

/** What every page of the staff app has: its heading, navigation, language switch and sign-out. */
export class AppShell {
  constructor(readonly page: Page) {}

  heading() {
    return this.page.getByRole('heading', { level: 1 })
  }

  async headingText(): Promise<string> {
    return (await this.heading().textContent()) ?? ''
  }

  navLink(name: string) {
    return this.page.getByRole('navigation', { name: /Main|メイン/ }).getByRole('link', { name })
  }

  /** On a phone the sections sit behind the Menu button: opens it (nothing on a wide screen). */
  async showMenu(): Promise<void> {
    const toggle = this.page
      .getByRole('navigation', { name: /Main|メイン/ })
      .getByRole('button', { name: /^(Menu|メニュー)/ })
    if ((await toggle.isVisible()) && (await toggle.getAttribute('aria-expanded')) === 'false')
      await toggle.click()
  }

  async switchLanguage(locale: 'en' | 'ja'): Promise<void> {
    await this.page.getByRole('banner').getByRole('combobox').selectOption(locale)
  }

  async signOut(): Promise<void> {
    await this.page.getByRole('button', { name: 'Sign out' }).click()
    await this.page.waitForURL(/\/app\/login$/)
  }

  /** Waits until the page's heading reads `text`. */
  async waitForHeading(text: string | RegExp): Promise<void> {
    await this.page.getByRole('heading', { level: 1, name: text }).waitFor()
  }
}
