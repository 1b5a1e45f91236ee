import type { siteEn } from './site.en.js'

export const siteJa: Record<keyof typeof siteEn, string> = {
  'site.name': 'Haven',
  'site.tagline': '難民の保護と支援を、その安全に配慮しながら。',
  'site.nav_label': 'メイン',
  'site.nav.home': 'ホーム',
  'site.nav.about': '私たちについて',
  'site.nav.activities': '活動内容',
  'site.nav.situation': '現在の状況',
  'site.nav.reports': '活動報告',
  'site.nav.faq': 'よくある質問',
  'site.nav.contact': 'お問い合わせ',
  'site.other_language': 'このページを{language}で読む',
  'site.home.title': 'ようこそ',
  'site.home.lead':
    'このサイトは準備中です。私たちの活動、現在の状況、活動報告のページがここに掲載されます。',
  'site.footer.privacy': 'このサイトは追跡用のクッキーを使わず、他のサイトから何も読み込みません。',
  'site.not_found.title': 'ページが見つかりません',
  'site.not_found.body': 'このアドレスにはページがありません。ホームページからお探しください。',
}
