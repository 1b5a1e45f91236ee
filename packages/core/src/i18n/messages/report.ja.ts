import type { reportEn } from './report.en.js'

export const reportJa: Record<keyof typeof reportEn, string> = {
  'error.report_exists': 'この年度の報告書はすでにあります。そちらを開いてください。',
  'error.report_published':
    'この報告書は公開済みで、数値は確定しています。訂正は新しい公開として行ってください。',
  'error.report_unknown_figure':
    'テンプレートに Haven が提供していない数値があります：{figures}。数値一覧と綴りを確認してください。',
  'error.report_figure_no_data':
    '次の数値には {year}年度の記録がありません：{figures}。削除するか、先に記録を入力してください。',
  'error.report_own_approval':
    '最後にこの文章を編集したのはあなたなので、別の人が承認する必要があります（最後の編集者以外の2人）。',
  'error.report_already_approved': 'この版の報告書はすでに承認済みです。',
  'error.report_needs_approvals':
    '公開する前に、この版を2人が承認する必要があります（現在 {approvals} 人）。',
  'error.report_figure_invalid':
    '数値を保護できません（{problem}）：{detail} 記録またはテンプレートを修正してください。何も公開していません。',
  'error.report_refused':
    '開示審査でこの報告書は公開不可とされました。公開する前に審査の指摘を解決してください。',
  'field.report_nothing_to_change': '英語または日本語の文章を変更してください。',
  'nav.report': '年次報告書',
}
