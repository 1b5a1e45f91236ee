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
  'report.title': '年次活動報告書',
  'report.intro':
    '各年度の報告書は英語と日本語で、数値の差し込み記号を使って書きます。すべての数値は開示エンジンを通り、編集者2名が承認し、公開するとウェブサイトの活動報告に載ります。',
  'report.list': '年度別の報告書',
  'report.none': 'まだ報告書はありません。',
  'report.count': '{count} 件の報告書',
  'report.fiscal_year': '年度',
  'report.fiscal_year_hint': '始まる年を入力します（2005 は 2005年4月〜2006年3月）。',
  'report.status': '状態',
  'report.status.draft': '下書き',
  'report.status.review': '審査中',
  'report.status.published': '公開済み',
  'report.version': '版',
  'report.version_n': '第 {version} 版',
  'report.updated': '最終更新',
  'report.new': '年度の報告書を始める',
  'report.create': '報告書を始める',
  'report.figures': '使える数値',
  'report.figures_intro':
    '差し込み記号を本文に入力してください。公開される報告書には、開示エンジンが許す形で数値が表示されます。',
  'report.figures_count': '{count} 件の数値',
  'report.placeholder': '差し込み記号',
  'report.figure': '数値',
  'report.module': '出典',
  'report.sensitivity': '機微度',
  'report.year_title': '年次報告書 {label}',
  'report.back': 'すべての報告書',
  'report.submit': '審査に回す',
  'report.submitted': '審査に回しました。',
  'report.approve': 'この版を承認する',
  'report.approved': '承認しました。',
  'report.approved_by_you': 'この版は承認済みです',
  'report.approvals': '承認 {count} / 2',
  'report.publish': '公開する',
  'report.published': '公開しました。数値は確定しました。',
  'report.published_at': '{at} に公開。',
  'report.site_en': 'ウェブサイト（英語）',
  'report.site_ja': 'ウェブサイト（日本語）',
  'report.review': '開示審査（非公開）',
  'report.review_safe': '開示エンジンは、公開欄に示すとおりすべての数値を許可しています。',
  'report.review_refused':
    '開示エンジンはこの報告書を公開不可としています。公開する前に下の指摘を解決してください。',
  'report.review_count': '{count} 件の数値',
  'report.true_value': '実際の値',
  'report.public_en': '公開（英語）',
  'report.public_ja': '公開（日本語）',
  'report.rules': '適用された規則',
  'report.total': '合計',
  'report.preview': '公開される報告書',
  'report.templates': '本文',
  'report.edit': '本文を編集する',
  'report.template_en': '英語の本文（Markdown）',
  'report.template_ja': '日本語の本文（Markdown）',
  'report.template_hint':
    '数値は {{figure.key}}（数値の一覧を参照）、年度は {{year}} と書きます。審査中の報告書を編集すると下書きに戻ります。',
  'report.save': '本文を保存する',
  'report.saved': '保存しました。',
}
