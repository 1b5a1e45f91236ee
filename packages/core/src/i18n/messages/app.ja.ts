import type { appEn } from './app.en.js'

export const appJa: Record<keyof typeof appEn, string> = {
  'app.title': 'Haven スタッフ',
  'app.offline_title': 'オフラインです。',
  'app.offline_body':
    '作業は保存されていません。Haven は再接続を試み続けます。接続が戻るとこの表示は消えます。',
  'app.setup.title': 'Haven のセットアップ',
  'app.setup.intro':
    '最初の管理者を作成します。他で使っていないパスワードを選んでください。このパスワードを知るのはあなただけです。',
  'app.setup.login_name': 'ログイン名',
  'app.setup.display_name': '同僚に表示される名前',
  'app.setup.password': 'パスワード（12〜128 文字）',
  'app.setup.password_again': 'パスワード（確認）',
  'app.setup.submit': '管理者を作成',
  'app.setup.done_title': '管理者を作成しました',
  'app.setup.done_body':
    'セットアップリンクは使用済みとなり、もう使えません。{loginName} としてサインインできます。最初に 2 段階認証（パスキーまたは認証アプリ）を設定します。管理者には常に必要です。',
  'app.setup.no_token':
    'サーバーが表示したセットアップリンクをそのまま開いてください。期限切れの場合は、サーバーで「haven setup-link」を実行して新しいリンクを取得してください。',
  'app.not_found_title': 'ページが見つかりません',
  'app.not_found': 'スタッフアプリのこのアドレスには何もありません。',
  'home.welcome': 'ようこそ、{name} さん',
  'home.your_roles': 'あなたの役割',
  'home.no_roles': 'まだ役割がないため、表示できるものはありません。役割は管理者が付与します。',
  'home.grant_in': '{compartment} の{role}',
  'home.grant_org': '団体全体の{role}',
  'home.unread': '未読の通知が {count} 件あります',
  'home.no_unread': '未読の通知はありません。',
  'cases.picker_more': 'さらにケースを表示',
  'cases.picker_shown': '{total}件中{shown}件を、最近動きのあった順に表示しています。',
}
