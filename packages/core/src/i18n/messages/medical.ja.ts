import type { medicalEn } from './medical.en.js'

export const medicalJa: Record<keyof typeof medicalEn, string> = {
  'field.case_not_medical': '治療を記録できるのは医療のケースだけです。',
  'field.flags_repeated': '同じ区分は 1 回だけ指定してください。',

  'medical.kind.clinic': '診療所',
  'medical.kind.hospital': '病院',
  'medical.kind.medicines': '医薬品',
  'medical.flag.torture_survivor': '拷問のサバイバー',
  'medical.flag.sexual_violence': '性暴力のサバイバー',
  'medical.flag.mental_health': '心の健康',

  'nav.treatments': '医療支援',
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
}
