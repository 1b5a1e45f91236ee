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
  'report.sensitivity.people-protected': '保護対象者',
  'report.sensitivity.people-served': '支援を受けた人',
  'report.sensitivity.quantity': '数量',
  'report.sensitivity.money': '金額',
  'report.pdf_charts': '図で見る数字',
  'report.yoy_title': '{previous}年度との比較',
  'report.yoy_figure': '項目',
  'report.download_pdf': 'PDF（{language}）',
  'error.report_narrative_contradiction':
    '本文に記録と矛盾する数値があります：{texts}。本文か記録を修正してください（計算はレビューに表示されます）。',
  'report.narrative': '本文中に入力された数値',
  'report.narrative_none': '記録と照合する数量は本文にありません。',
  'report.narrative_contradiction': '記録と矛盾 — 承認できません',
  'report.corrected_note': '{date} に訂正しました。',
  'error.report_policy_invalid':
    'この方針は開示エンジンに適用できません：{problems}。保存していません。',
  'error.report_dangerous_number':
    '公開してはならない数値として登録された {numbers} が報告書に含まれます（{figures}）。テンプレートか方針を変更してください。何も公開していません。',
  'report.narrative_consistent': '記録と一致',
  'report.policy_title': '公開ポリシー',
  'report.policy_intro':
    '団体が支援する人々について何を公開してよいかを定めます。年次報告書はすべてこの方針で作成されます。しきい値未満の数は数値として表示されません。各数値の保護のされ方はレビューで確認できます。',
  'report.policy_threshold_protected': '保護対象者の数を数値で示す最小値（k）',
  'report.policy_threshold_protected_hint':
    '危険にさらされている人（救出、再定住、拘束された支援者）。これより少ない数は言葉（「数名」）で示すか、伏せます。',
  'report.policy_threshold_served': '支援を受けた人の数を数値で示す最小値（k）',
  'report.policy_threshold_served_hint':
    '食料を受け取った人、支援を受けた子ども、患者など。これより少ない数は言葉で示します。',
  'report.policy_rounding': '支援を受けた人の数を丸める単位',
  'report.policy_rounding_hint':
    '空欄なら正確な数を公開します。保護対象者の数は丸めず、秘匿で保護します。',
  'report.policy_rounding_none': '丸めない',
  'report.policy_numbers': '公開してはならない数値',
  'report.policy_numbers_hint':
    '半角の整数をスペースまたはカンマで区切って入力します（例：当局が把握しているとみられる人数）。これを含む報告書は承認できません。',
  'report.policy_numbers_invalid':
    '整数のみをスペースまたはカンマで区切って入力してください。「{text}」は整数ではありません。',
  'report.policy_numbers_none': 'なし',
  'report.policy_save': '方針を保存',
  'report.policy_saved': '保存しました。これ以降に作成する報告書に適用されます。',
  'report.policy_version': '第{version}版（{at}に変更）。',
  'report.policy_defaults': '既定値を適用しています。まだ誰も変更していません。',
  'report.policy_secret': '丸めの秘密鍵',
  'report.policy_secret_value': '第{version}版（公開名 {fingerprint}）、{at}作成。',
  'report.policy_secret_hint':
    '丸めた数がどちらに丸められるかを決めます。どの版でも同じなので、版を比べても丸めを打ち消せません。',
  'report.policy_rotate': '丸めの秘密鍵を交換',
  'report.policy_rotated': '交換しました。以後の公開は新しい秘密鍵で丸めます。',
  'report.policy_read_only': 'この方針を変更できるのは管理者だけです。編集者はこれを適用します。',
  'report.policy_link': 'これらの報告書が従う公開ポリシー',
  'report.correct': 'この報告書を訂正',
  'report.correct_reason': '訂正の理由',
  'report.correct_reason_hint':
    '報告書とともに保存され、編集者と承認者が読みます。公開ページには訂正したことと日付だけが表示されます。',
  'report.correct_start': '訂正のため下書きに戻す',
  'report.correct_started':
    '訂正は下書きになりました。本文を編集してレビューに送り、2人の承認を得てから新しい版として公開します。',
  'report.correction_of': '訂正{correction}：{reason}',
  'report.cancel': 'キャンセル',
  'report.check_date_inside': '{date}は{label}年度（{from}～{to}）の期間内です。',
  'report.check_date_outside':
    '{date}は{label}年度（{from}～{to}）の期間外です。報告書はその年度だけを対象とします。',
  'report.check_sum_agrees': '内訳の合計 {parts} = {sum} は記載の合計と一致します。',
  'report.check_sum_differs': '内訳の合計は {parts} = {sum} ですが、記載の合計は {total} です。',
  'report.check_monthly_agrees':
    '記載の月額 {monthly} × 12 = 年額 {yearly}。記録（{figure}）では {recorded}。一致します。',
  'report.check_monthly_differs':
    '記載の月額 {monthly} × 12 = 年額 {yearly}。記録（{figure}）では {recorded} で、その {ratio} 倍です。',
  'report.check_flow_agrees':
    '記載は{statedStart}から{statedEnd}。記録（{flow}）では年度初め {start} + 増加 {in} − 減少 {out} = 年度末 {end}。一致します。',
  'report.check_flow_differs':
    '記載は{statedStart}から{statedEnd}ですが、記録（{flow}）では年度初め {start} + 増加 {in} − 減少 {out} = 年度末 {end} です。',
  'report.check_flow_unbalanced':
    '記録（{flow}）が釣り合いません：年度初め {start} + 増加 {in} − 減少 {out} = {sum} ですが、年度末は {end} です。',
}
