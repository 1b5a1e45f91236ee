import type { cmsEn } from './cms.en.js'

export const cmsJa: Record<keyof typeof cmsEn, string> = {
  'error.slug_taken': 'この言語の同じ種類の文書が、すでにこのアドレスを使っています。',
  'error.translation_exists': 'このエントリーにはすでにその言語の版があります。',
  'error.workflow_state':
    '文書の現在の状態ではこの操作はできません。再読み込みして状態を確認してください。',
  'error.entry_live': '削除する前に、このエントリーのすべての言語の公開を取り消してください。',
  'error.faq_group_in_use': '先にこのテーマの質問を別のテーマに移してください。',
  'field.slug_format':
    '半角の英小文字 a〜z、数字、ハイフン 1 つずつで入力してください（例：rice-distribution）。',
  'field.slug_reserved': 'このアドレスはサイト自体が使っています。別のものを選んでください。',
  'field.date_format':
    '2006-03-31 のような日付（時刻は 2006-03-31T18:30 のように）で入力してください。',
  'field.image_too_large': '画像が 8 MB を超えています。小さな画像を送ってください。',
  'field.image_type': 'JPEG または PNG の画像を使ってください。',
  'field.image_dimensions': '画像が大きすぎます（1 辺 12,000 ピクセル、4,000 万画素まで）。',
  'field.image_unreadable':
    '画像を読み込めませんでした。壊れている可能性があります。書き出し直してお試しください。',
}
