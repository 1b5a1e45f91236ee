import type { Page } from 'playwright-core'

/** The first-administrator setup page, as a person uses it: by labels and buttons. */
export class SetupPageObject {
  constructor(readonly page: Page) {}

  async open(link: string): Promise<void> {
    await this.page.goto(link)
  }

  async fill(
    fields: { loginName: string; displayName: string; password: string; passwordAgain?: string },
    locale: 'en' | 'ja' = 'en',
  ) {
    const labels =
      locale === 'en'
        ? [
            'Login name',
            'Your name as colleagues see it',
            'Password (12 to 128 characters)',
            'Password again',
          ]
        : ['ログイン名', '同僚に表示される名前', 'パスワード（12〜128 文字）', 'パスワード（確認）']
    const [login, display, password, again] = labels as [string, string, string, string]
    await this.page.getByLabel(login, { exact: true }).fill(fields.loginName)
    await this.page.getByLabel(display, { exact: true }).fill(fields.displayName)
    await this.page.getByLabel(password, { exact: true }).fill(fields.password)
    await this.page.getByLabel(again, { exact: true }).fill(fields.passwordAgain ?? fields.password)
  }

  async submit(locale: 'en' | 'ja' = 'en'): Promise<void> {
    await this.page
      .getByRole('button', { name: locale === 'en' ? 'Create administrator' : '管理者を作成' })
      .click()
  }

  heading() {
    return this.page.getByRole('heading', { level: 1 })
  }
}
