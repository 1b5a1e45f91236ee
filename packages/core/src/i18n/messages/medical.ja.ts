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
}
