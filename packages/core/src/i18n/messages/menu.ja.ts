import type { menuEn } from './menu.en.js'

/** 各モジュールのメニュー項目（どの画面にも出るので、カタログの最初の部分に入れる）。 */
export const menuJa: Record<keyof typeof menuEn, string> = {
  'nav.report_policy': '公開ポリシー',
  'nav.classes': '語学教室',
  'nav.detained': '拘束された支援者',
  'nav.import': '取り込み',
  'nav.publish_iati': 'IATI',
  'field.nav': 'フィールドアプリ',
  'field.review.nav': 'フィールドの確認',
  'nav.finance': '会計',
  'nav.treatments': '医療支援',
  'nav.network': '協力団体',
  'nav.report': '年次報告書',
  'nav.resettlement': '定住支援',
  'nav.returns': '帰還支援',
  'nav.shelters': 'シェルター',
  'nav.notifications': 'お知らせ',
  'nav.notifications_unread': ' 件未読',
  'nav.sponsorship': '教育里親',
  'nav.distributions': '配給',
  'nav.dashboard': 'ダッシュボード',
  'nav.allowances': '方針とレート',
  'nav.supplies': '在庫',
  'nav.handouts': '衣類・キット',
  'keys.title': '鍵とシュレッド',
  'nav.volunteers': 'ボランティア',
}
