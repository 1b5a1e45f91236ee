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
}
