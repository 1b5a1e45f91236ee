import type { exchangeEn } from './exchange.en.js'

export const exchangeJa: Record<keyof typeof exchangeEn, string> = {
  'exchange.formula_cell':
    'このセルは数式です。Haven は数式を計算しません。値そのものを入力してください。',
  'exchange.not_hangul':
    'この列にはハングルだけを入れてください。他の文字の名前はそれぞれの列に入れてください。',
  'exchange.not_hanzi':
    'この列には漢字だけを入れてください。カナやローマ字の名前はそれぞれの列に入れてください。',
  'exchange.not_kana':
    'この列にはカナだけを入れてください。他の文字の名前はそれぞれの列に入れてください。',
  'exchange.not_latin':
    'この列にはローマ字だけを入れてください。他の文字の名前はそれぞれの列に入れてください。',
  'exchange.no_name': 'この行にはどの文字の名前もありません。少なくとも 1 つ入れてください。',
  'exchange.birth_and_age': '生年月日か推定年齢のどちらか一方だけを入れてください。',
  'exchange.date_format':
    '2006-03-15、2006/3/15、平成18年3月15日、R5.4.1 のような日付を使ってください。',
  'exchange.date_no_such_day': 'その日付は存在しません。',
  'exchange.date_outside_era':
    'その年は元号の範囲外です（平成は 2019-04-30 まで、令和は 2019-05-01 から）。',
  'exchange.not_a_number': '整数を入れてください。',
  'exchange.duplicate_in_file': 'このファイルの {row} 行目と同じ人です。',
  'exchange.possible_duplicate': '{codes} として登録済みの可能性があります。',
  'exchange.duplicate_ref': '番号 {ref} は {row} 行目でも使われています。',
  'error.import_unreadable':
    'このファイルを CSV（UTF-8 または Shift_JIS）や XLSX として読めませんでした。表計算ソフトで保存し直すか、文字コードを選んでからもう一度試してください。',
  'error.import_has_errors':
    '{rows} 行に問題があるため、何も取り込んでいません。試行で問題を確認し、ファイルを直してからもう一度取り込んでください。',
  'error.import_possible_duplicates':
    '{rows} 行が登録済みの人と重なっている可能性があるため、何も取り込んでいません。試行で確認し、別人であれば「重複の可能性があっても登録」で取り込んでください。',
}
