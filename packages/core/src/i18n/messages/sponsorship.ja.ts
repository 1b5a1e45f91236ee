import type { sponsorshipEn } from './sponsorship.en.js'

/** 教育里親プラン：在籍、就学、里親、年度の推移。 */
export const sponsorshipJa: Record<keyof typeof sponsorshipEn, string> = {
  'role.sponsor_relations': '里親担当',
  'role.sponsor_relations.about':
    '里親との連絡、寄付の約束、手紙を担当します。児童は仮名と年齢層でのみ知り、氏名・コード・場所は見られません。',

  'field.leave_reason_required': '離脱の理由を選んでください。',
  'field.reason_only_when_leaving': '理由は児童がプランを離れる場合にのみ入力します。',
  'field.other_reason_needs_note': '理由が「その他」の場合はメモに内容を書いてください。',
  'field.ends_before_starts': '終了日が開始日より前です。',
  'field.attended_over_possible': '出席日数は授業日数を超えられません。',
  'field.before_last_change':
    'この日付は在籍の最後の変更より前です（加入前に離脱することはできません）。',
  'field.no_enrolments_in_plan':
    'このコンパートメントに在籍中の児童はいません。終了する対象がありません。',

  'error.already_enrolled':
    'この人はすでにプランに在籍しています。再登録ではなく在籍を再開してください。',
  'error.enrolment_transition':
    '「{from}」の在籍を「{to}」にすることはできません。変更はありません。',
  'error.flows_do_not_reconcile':
    '{count} 件の在籍（{enrolments}）で年度の推移が一致しません。数値を出す前に履歴を訂正してください。',
  'error.update_identifying':
    '更新文に児童を特定しうる箇所があります（{count} 箇所：氏名、場所、学校、コード）。書き直してから再度確認してください。',
  'error.photo_not_confirmed':
    '写真に顔、場所、看板、制服が写っていないことを確認してから先へ進めてください。',
  'error.second_person_required':
    '承認は、この更新を書いた人・確認した人以外の2人目が行う必要があります。',
  'error.update_state': 'この更新は「{status}」です。この操作はいまできません。',
  'letter.greeting': '{code} 様',
  'letter.age_line': '{alias} さんは {band} 歳の年齢層です。',
  'letter.closing': '{alias} さんを支えてくださり、ありがとうございます。教育支援プラン一同より。',
  'nav.sponsorship': '教育里親',
  'sponsorship.title': '教育里親プラン',
  'sponsorship.flows_link': '年度の推移とグラフ',
  'sponsorship.status': '状態',
  'sponsorship.all': 'すべて',
  'sponsorship.count': '{count} 件の在籍',
  'sponsorship.none': '該当する在籍はありません。',
  'sponsorship.alias': '仮名',
  'sponsorship.code': 'コード',
  'sponsorship.shelter': 'シェルター',
  'sponsorship.joined_on': '加入日',
  'sponsorship.school': '学校段階と学年',
  'sponsorship.pages': 'ページ',
  'sponsorship.previous': '前へ',
  'sponsorship.next': '次へ',
  'sponsorship.page_of': '{pages} ページ中 {page} ページ',
  'sponsorship.status.applied': '申請中',
  'sponsorship.status.enrolled': '在籍',
  'sponsorship.status.suspended': '休止',
  'sponsorship.status.left': '離脱',
  'sponsorship.status.graduated': '卒業',
  'sponsorship.status.transferred': '移籍',
  'sponsorship.reason.shelter_head_detained': 'シェルター責任者の拘束',
  'sponsorship.reason.arrested_repatriated': '逮捕・送還',
  'sponsorship.reason.released_by_shelter': 'シェルターによる解放',
  'sponsorship.reason.moved': '転居',
  'sponsorship.reason.reached_safety': '安全な場所へ到達',
  'sponsorship.reason.other': 'その他',
  'sponsorship.level.primary': '小学校',
  'sponsorship.level.middle': '中学校',
  'sponsorship.level.high': '高校',
  'sponsorship.level.vocational': '職業学校',
  'sponsorship.level.university': '大学',
  'sponsorship.flows_title': '年度ごとのプランの推移',
  'sponsorship.year': '開始年度',
  'sponsorship.year_hint': '4月〜翌3月。2005 は 2005年4月〜2006年3月です。',
  'sponsorship.period': '{from} から {to} まで',
  'sponsorship.flows_caption': 'プランの児童数：年度初め＋加入−離脱−卒業−移籍＝年度末',
  'sponsorship.at_start': '年度初め',
  'sponsorship.joined': '加入',
  'sponsorship.left': '離脱',
  'sponsorship.graduated': '卒業',
  'sponsorship.transferred': '移籍',
  'sponsorship.at_end': '年度末',
  'sponsorship.by_shelter': 'シェルター別',
  'sponsorship.chart_title': '各月末のプラン在籍児童数',
  'sponsorship.chart_desc':
    '最初の月末 {first} 人から最後の月末 {last} 人までの推移（最大 {max} 人）。',
  'sponsorship.chart_table': '数値を表で見る',
  'sponsorship.month': '月',
  'sponsorship.in_plan': '在籍数',
  'sponsorship.letter_title': '里親への手紙',
  'sponsorship.print': '印刷',
}
