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
  'error.import_conflict':
    'この取り込みの途中で、同じ行の別の取り込みが先に終わったため、この取り込みでは何も取り込んでいません。もう一度試行して、残っている行を確認してください。',
  'nav.import': '取り込み',
  'exchange.import_title': '表計算ファイルから人を取り込む',
  'exchange.file': '表計算ファイル（CSV または XLSX）',
  'exchange.file_hint':
    '1 行目は列名です。日本語版 Excel で保存した CSV（Shift_JIS）もそのまま読めます。',
  'exchange.compartment': '登録先',
  'exchange.source': 'ファイルの出どころ',
  'exchange.source_hint': '「延吉事務所の名簿」などの名前。対応づけた列はこの名前で記憶されます。',
  'exchange.encoding': 'CSV の文字コード',
  'exchange.encoding.auto': '自動判定（UTF-8、違えば Shift_JIS）',
  'exchange.encoding.utf-8': 'UTF-8',
  'exchange.encoding.shift_jis': 'Shift_JIS（日本語版 Excel）',
  'exchange.check_button': 'ファイルを確認する',
  'exchange.check_again': '列の対応が変わりました。取り込む前にもう一度確認してください。',
  'exchange.choose_first': '先にファイル、登録先、ファイルの出どころを選んでください。',
  'exchange.check_heading': '確認の結果',
  'exchange.summary':
    '{rows} 行：取り込み可能 {ready} 行、取り込み済み {already} 行、問題あり {errors} 行。まだ何も書き込んでいません。',
  'exchange.problems': '{count} 行に問題があります。ファイルを直してもう一度確認してください。',
  'exchange.duplicates': '{count} 行が登録済みの人と重なっている可能性があります',
  'exchange.accept_duplicates': '確認しました。これらの行も登録する',
  'exchange.nothing_new': 'すべての行が取り込み済みです。新しく取り込むものはありません。',
  'exchange.import_button': '{count} 人を取り込む',
  'exchange.uploading': 'ファイルを送信しています…',
  'exchange.working': 'ファイルを読み込んでいます…',
  'exchange.imported': '{imported} 人を取り込みました。取り込み済みの {already} 行は飛ばしました。',
  'exchange.col.row': '行',
  'exchange.col.column': '列',
  'exchange.col.problem': '問題',
  'exchange.col.registered': '登録済みの番号',
  'exchange.mapping': '列の対応',
  'exchange.unmapped': '（このファイルにない）',
  'exchange.field.ref': '番号（ファイル側の行番号や ID）',
  'exchange.field.name_hangul': 'ハングルの名前',
  'exchange.field.name_hanzi': '漢字の名前',
  'exchange.field.name_kana': 'カナの名前',
  'exchange.field.name_latin': 'ローマ字の名前',
  'exchange.field.birth': '生年月日',
  'exchange.field.approximate_age': '推定年齢',
  'exchange.field.sex': '性別',
  'exchange.field.place_of_origin': '出身地',
  'exchange.field.phones': '電話番号',
  'exchange.field.notes': '備考',
  'exchange.field.age_band': '年齢層',
  'exchange.field.situation': '状況',
  'exchange.field.arrival_month': '到着月',
  'exchange.field.languages': '言語',
  'exchange.field.tags': 'タグ',
}
