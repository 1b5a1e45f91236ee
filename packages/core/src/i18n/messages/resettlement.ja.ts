import type { resettlementEn } from './resettlement.en.js'

export const resettlementJa: Record<keyof typeof resettlementEn, string> = {
  'field.country_code': '国は JP や KR のように英字 2 文字のコードで入力してください。',
  'field.coarse_date_format':
    '月（2006-03）または年（2006）で入力してください。日付は記録しません。',
  'field.coarse_date_precision': '日付が精度と合っていません（月は 2006-03、年は 2006）。',
  'field.route_needs_country': '領事館・大使館の国、または第三国を入力してください。',
  'field.route_no_country': '国を記録するのは領事館経由と第三国経由のルートだけです。',
  'field.resettled_needs_country': '定住した国を入力してください。',
  'field.country_only_resettled': '国は「定住」の段階でのみ記録します。',
  'field.stage_unchanged': 'すでにこの段階です。',
  'field.stage_before_previous': '前の段階より前の日付です。',
  'field.case_not_resettlement': '経路を記録できるのは定住支援のケースだけです。',
  'field.case_closed': 'このケースは終了しています。先に再開してください。',
  'field.not_resettlement_compartment':
    '経路はケースと同じ場所ではなく、定住支援（プログラム）のコンパートメントに記録します。',

  'field.month_format': '2006-03 のように月で入力してください。',
  'field.case_not_return': '帰還の申請を記録できるのは帰還のケースだけです。',

  'error.return_exists': 'このケースにはすでに帰還の申請があります。そちらを開いてください。',
  'error.return_wrong_step':
    'この操作は申請の現在の状態（{status}）からは行えません。何も変更していません。再読み込みしてください。',
  'error.pathway_exists': 'このケースにはすでに定住経路があります。そちらを開いてください。',

  'nav.resettlement': '定住支援',

  'resettlement.route.unhcr': 'UNHCR',
  'resettlement.route.consulate': '領事館・大使館',
  'resettlement.route.underground': '地下ルート',
  'resettlement.route.third_country': '第三国',
  'resettlement.route.other': 'その他',

  'resettlement.stage.intake': '受付',
  'resettlement.stage.protection_requested': '保護申請中',
  'resettlement.stage.under_protection': '保護下',
  'resettlement.stage.in_transit': '移動中',
  'resettlement.stage.arrived': '到着',
  'resettlement.stage.resettled': '定住',
  'resettlement.stage.follow_up': 'フォローアップ',

  'resettlement.title': '定住経路',
  'resettlement.intro':
    '記録するのは経路の種類と段階、月または年だけです。場所、地図、移動の説明は記録しません。',
  'resettlement.none': '該当する経路はありません。',
  'resettlement.count': '{count} 件',
  'resettlement.filter_route': '経路',
  'resettlement.filter_stage': '段階',
  'resettlement.any': 'すべて',
  'resettlement.case': 'ケース',
  'resettlement.person': '本人',
  'resettlement.route': '経路',
  'resettlement.stage': '段階',
  'resettlement.since': '時期',
  'resettlement.country': '国',
  'resettlement.previous': '前のページ',
  'resettlement.next': '次のページ',
  'resettlement.page': '{total} 件中 {from}〜{to} 件を表示',
  'resettlement.back': '経路の一覧',
  'resettlement.history': '段階の履歴',
  'resettlement.recorded': '記録日時',
  'resettlement.move': '段階を進める',
  'resettlement.move_submit': '段階を保存',
  'resettlement.cancel': 'キャンセル',
  'resettlement.on': '時期',
  'resettlement.on_hint': '月（2006-03）または年（2006）。',
  'resettlement.moved': '「{stage}」に進めました。',
  'resettlement.open': '第三国定住の経路を開く',
  'resettlement.open_intro':
    '記録するのは経路と受付の月または年だけです。経路はケースの制限付き区画に保管されます。',
  'resettlement.intake_on': '受付（時期）',
  'resettlement.open_submit': '経路を開く',
}
