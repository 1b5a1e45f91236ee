import type { networkEn } from './network.en.js'

export const networkJa: Record<keyof typeof networkEn, string> = {
  'field.country_code': 'JP や KR のように、ISO 3166 の 2 文字の国コードで入力してください。',
  'field.web_url': 'https:// または http:// で始まる完全なアドレスを入力してください。',
  'field.isbn':
    '有効な ISBN ではありません。桁（10 桁または 13 桁、最後は X の場合あり）を確認してください。',
  'field.before_first_status':
    '協力関係の最初の記録（{date}）より前の日付です。開始日を早める場合は、最初の記録を直してください。',
  'field.unknown_partner':
    'この ID の協力団体はありません。先に団体を登録してから行事を記録してください。',
  'field.unknown_event': 'この ID の行事はありません。',
}
