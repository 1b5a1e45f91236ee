import type { medicalEn } from './medical.en.js'

export const medicalJa: Record<keyof typeof medicalEn, string> = {
  'field.case_not_medical': '治療を記録できるのは医療のケースだけです。',
  'field.flags_repeated': '同じ区分は 1 回だけ指定してください。',
  'field.item_not_kit': '救急セットを選んでください。ほかの物資は配布の画面から記録します。',
  'field.kits_absurd': '1 つのケースに一度に渡せる救急セットは 100 個までです。',

  'medical.kind.clinic': '診療所',
  'medical.kind.hospital': '病院',
  'medical.kind.medicines': '医薬品',
  'medical.flag.torture_survivor': '拷問のサバイバー',
  'medical.flag.sexual_violence': '性暴力のサバイバー',
  'medical.flag.mental_health': '心の健康',

  'treatments.title': '医療支援',
  'treatments.intro':
    '医療ケースの治療（診療所、病院、薬）を、提携先、月、支払った費用とともに記録します。フラグ付きの治療はコーディネーターだけが見られます。',
  'treatments.new': '治療を記録',
  'treatments.no_cases':
    '担当できる医療ケースがありません。先に種類「医療」のケースを開いてください。',
  'treatments.case': 'ケース',
  'treatments.kind': '種類',
  'treatments.all': 'すべて',
  'treatments.provider': '提携先',
  'treatments.provider_hint': '治療した提携団体の名前（医師の名前は書かないでください）',
  'treatments.month': '月',
  'treatments.month_hint': '年と月（例：2026-03）',
  'treatments.cost': '費用',
  'treatments.amount': '支払った費用',
  'treatments.amount_hint': '支払いがなければ空欄のままにしてください。',
  'treatments.currency': '通貨',
  'treatments.paid_on': '支払日',
  'treatments.flags': '配慮が必要な情報',
  'treatments.flags_hint':
    'フラグ付きの治療は区画のコーディネーターだけに表示され、記録もコーディネーターだけができます。',
  'treatments.submit': '治療を記録する',
  'treatments.cancel': 'キャンセル',
  'treatments.saved': 'ケース {code}：{kind}を記録しました。',
  'treatments.count': '{count}件の治療',
  'treatments.none': '表示する治療はありません。',
  'treatments.previous': '前のページ',
  'treatments.next_page': '次のページ',

  'medical.case_link': '医療支援：治療と救急セット',
  'medical.case_title': '医療支援・{code}',
  'medical.case_intro':
    'ケース {code}（対象者 {person}）の治療と救急セットです。救急セットは選んだ保管場所の在庫から出し、保存するときに在庫を確認します。',
  'medical.case_not_medical':
    'このケースは医療のケースではないため、治療も救急セットもありません。',
  'medical.case_treatments': '治療',
  'medical.kits': '渡した救急セット',
  'medical.kits_count': '{count}回の配布',
  'medical.kits_none': 'このケースで渡した救急セットはまだありません。',
  'medical.kits_give': '救急セットを渡す',
  'medical.kits_item': '救急セット',
  'medical.kits_from': '保管場所',
  'medical.kits_in_stock': '{place}（在庫 {count}）',
  'medical.kits_quantity': '個数',
  'medical.kits_on': '渡した日',
  'medical.kits_submit': '渡したことを記録する',
  'medical.kits_no_items': '在庫に救急セットがありません。コーディネーターに追加を頼んでください。',
  'medical.kits_saved': 'ケース {code} に {item} を {quantity} 個渡しました。',
}
