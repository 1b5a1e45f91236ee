import type { sheltersEn } from './shelters.en.js'

export const sheltersJa: Record<keyof typeof sheltersEn, string> = {
  'field.shelter_code_format':
    'YAN-02 のように、英字 2〜4 文字、ハイフン、数字で入力してください。',
  'field.shelter_closed_before_opened': '開設日より前に閉鎖することはできません。',
  'field.shelter_closed_needs_date': 'シェルターを閉鎖した日付を入力してください。',
  'field.shelter_closed_date_needs_status': '閉鎖日は閉鎖したシェルターにだけ入力できます。',
  'field.before_shelter_opened': 'シェルターの開設日より前です。',
  'field.left_before_arrived': '入居日より前に退去することはできません。',

  'error.shelter_full':
    'シェルターは満員です（定員 {capacity} 人）。追加していません。余裕があれば先に定員を変更してください。',
  'error.already_resident':
    'この人はすでにシェルターに入居しています。ここに追加する前に退去を記録してください。',
  'error.shelter_closed': 'このシェルターは閉鎖されています。入居はできません。',
  'error.shelter_compromised': 'このシェルターはすでに「漏えいの恐れ」とされています。',
  'error.shelter_not_compromised':
    'このシェルターは「漏えいの恐れ」とされていないため、取り消すものはありません。',

  'shelters.title': 'シェルター',
  'shelters.intro':
    'シェルターはコードだけで示します。管理人と入居者は人物記録で、身元は封印されたままです。',
  'shelters.none': 'シェルターはまだありません。',
  'shelters.new': 'シェルターを開設',
  'shelters.code': 'コード',
  'shelters.code_hint': 'JRL-01 のような公開しても安全なもの。通りや建物、人名は使いません。',
  'shelters.region': '地域',
  'shelters.region_hint': '州・省・県のレベルだけ（延辺、吉林など）。住所は入力しません。',
  'shelters.capacity': '定員',
  'shelters.occupancy': '入居状況',
  'shelters.occupancy_value': '{capacity} 人中 {occupancy} 人',
  'shelters.status': '状態',
  'shelters.funding': '資金',
  'shelters.opened_on': '開設日',
  'shelters.closed_on': '閉鎖日',
  'shelters.caretaker': '管理人',
  'shelters.no_caretaker': '記録なし',
  'shelters.create': '開設する',
  'shelters.created': 'シェルター {code} を開設しました。',
  'shelters.back': 'シェルター一覧',
  'shelters.details': '詳細',
  'shelters.edit': '詳細を編集',
  'shelters.saved': '保存しました。',
  'shelters.reload': '最新の版を読み込む',
  'shelters.frozen':
    'このシェルターは「漏えいの恐れ」とされています（{date} から）。記録は凍結され、閲覧だけできます。',
  'shelters.shredded':
    '鍵は破棄されました。このシェルターの封印された項目はすべて永久に失われています。',

  'shelters.status.active': '運営中',
  'shelters.status.suspended': '一時停止',
  'shelters.status.closed': '閉鎖',
  'shelters.status.compromised': '漏えいの恐れ',
  'shelters.funding.funded': '資金あり',
  'shelters.funding.under_review': '審査中',
  'shelters.funding.suspended': '停止中',

  'shelters.residents': '入居者',
  'shelters.residents_none': 'まだ入居者はいません。',
  'shelters.person': '人物',
  'shelters.from': '入居日',
  'shelters.to': '退去日',
  'shelters.reason': '理由',
  'shelters.current': '入居中',
  'shelters.add_resident': '入居者を追加',
  'shelters.choose_person': '人物を選ぶ',
  'shelters.no_people':
    'このシェルターの区画にはまだ誰も登録されていません。先に人物を登録してください。',
  'shelters.resident_added': '入居者を追加しました。',
  'shelters.record_leaving': '退去を記録',
  'shelters.record_leaving_for': '{code} の退去を記録',
  'shelters.left': '退去を記録しました。',
  'shelters.reason.moved_on': '移動',
  'shelters.reason.resettled': '定住',
  'shelters.reason.returned': '帰還',
  'shelters.reason.detained': '拘束',
  'shelters.reason.repatriated': '送還',
  'shelters.reason.left_without_notice': '連絡なく退去',
  'shelters.reason.shelter_closed': 'シェルター閉鎖',

  'shelters.log': '事件・監督記録',
  'shelters.log_none': '記録はありません。',
  'shelters.log_kind': '出来事',
  'shelters.log_date': '日付',
  'shelters.log_people': '関係者',
  'shelters.log_note': 'メモ',
  'shelters.log_note_hint': '封印されます。読めるのはコーディネーターとケースワーカーだけです。',
  'shelters.log_add': '記録に追加',
  'shelters.log_added': '記録を追加しました。',
  'shelters.note_hidden': '封印',
  'shelters.note_destroyed': '破棄済み',
  'shelters.log_kind.caretaker_detained': '管理人の拘束',
  'shelters.log_kind.duties_doubt': '職務への疑問',
  'shelters.log_kind.funding_stopped': '資金の停止',
  'shelters.log_kind.children_released': '子どもの離脱',
  'shelters.log_kind.oversight_visit': '監督訪問',
  'shelters.log_kind.security_concern': '安全上の懸念',
  'shelters.log_kind.other': 'その他',

  'shelters.compromise': '漏えいの恐れとする',
  'shelters.compromise_title': '{code} を「漏えいの恐れ」とする',
  'shelters.compromise_what': '次のことが、監査ログに記録される一つの操作として直ちに行われます。',
  'shelters.compromise_freeze':
    '{code} のすべての記録（人物、ケース、事件、添付ファイル、シェルター）が読み取り専用になります。',
  'shelters.compromise_signout':
    '{code} だけにアクセス権を持つフィールドワーカーは、すべての端末でサインアウトされます。',
  'shelters.compromise_notify':
    '{code} を担当するすべてのコーディネーターに Haven で通知されます。',
  'shelters.compromise_undo':
    '管理者がシェルターの鍵を破棄しない限り、後で取り消すことができます。',
  'shelters.compromise_confirm_label': '確認のため {code} と入力してください',
  'shelters.compromise_submit': '{code} を漏えいの恐れとする',
  'shelters.compromised_done':
    '{code} は「漏えいの恐れ」とされ、凍結されました。終了したセッション：{sessions} 件。通知したコーディネーター：{notified} 人。',
  'shelters.shred_offer':
    'シェルターのデータを二度と読めないようにする必要があれば、鍵を破棄（暗号消去）できます。元には戻せません。',
  'shelters.shred_go': '{code} の鍵を破棄する',
  'shelters.shred_ask':
    'シェルターの鍵を破棄できるのは管理者だけです。データを破棄する必要があれば管理者に依頼してください。',
  'shelters.restore': '漏えいの恐れを取り消す',
  'shelters.restore_title': '{code} の「漏えいの恐れ」を取り消す',
  'shelters.restore_what':
    '記録は再び変更できるようになります。サインアウトされたフィールドワーカーは再度サインインが必要です。',
  'shelters.restore_submit': '{code} の漏えいの恐れを取り消す',
  'shelters.restored_done': '{code} は「漏えいの恐れ」ではなくなりました。',

  'notifications.title': 'お知らせ',
  'notifications.none': 'お知らせはありません。',
  'notifications.mark_all_read': 'すべて既読にする',
  'notifications.unread': '未読',
  'notifications.kind.shelter_compromised': 'シェルター {code} が「漏えいの恐れ」とされました。',
  'notifications.kind.shelter_restored': 'シェルター {code} の「漏えいの恐れ」が取り消されました。',
}
