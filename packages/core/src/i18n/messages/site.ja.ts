import type { siteEn } from './site.en.js'

export const siteJa: Record<keyof typeof siteEn, string> = {
  'site.name': 'Haven',
  'site.tagline': '難民の保護と支援を、その安全に配慮しながら。',
  'site.donate.button': '寄付する',
  'site.search.header_label': 'サイト内検索',
  'site.search.go': '検索',
  'site.footer.more': 'その他',
  'site.nav_label': 'メイン',
  'site.nav.home': 'ホーム',
  'site.nav.news': '現在の状況',
  'site.nav.reports': '活動報告',
  'site.nav.faq': 'よくある質問',
  'site.nav.get_involved': '参加する',
  'site.nav.campaigns': '拘束された支援者',
  'site.nav.contact': 'お問い合わせ',
  'site.nav.search': 'サイト内検索',
  'site.lang_switch.missing':
    'このページの日本語版はありません。リンク先は日本語のトップページです。',
  'site.footer.privacy': 'このサイトは追跡用のクッキーを使わず、他のサイトから何も読み込みません。',
  'site.feed.title': '{name}：現在の状況',
  'site.feed.link': 'ニュースフィード（Atom）',

  'site.home.impact': '{year}年度の活動',
  'site.home.title': 'ようこそ',
  'site.home.lead':
    'このサイトは準備中です。私たちの活動、現在の状況、活動報告のページがここに掲載されます。',
  'site.home.latest_news': '最新のお知らせ',
  'site.home.all_news': 'お知らせ・記事の一覧',
  'site.home.latest_report': '最新の活動報告',

  'site.news.title': '現在の状況',
  'site.news.title_page': '現在の状況（{page} ページ目）',
  'site.news.lead':
    '私たちが保護している人々と活動についてのお知らせと記事です。新しい順に掲載しています。',
  'site.news.empty': 'まだ何も掲載されていません。',
  'site.news.back': 'お知らせ・記事の一覧へ',

  'site.reports.title': '活動報告',
  'site.reports.lead': '年度ごとの活動内容と、その費用の報告です。',
  'site.reports.empty': 'まだ活動報告は掲載されていません。',
  'site.reports.fiscal_year': '{years} 年度',
  'site.reports.published': '{date} 公開',
  'site.reports.print_hint':
    '保存するには、ブラウザの「印刷」をお使いください。メニューやリンクは印刷されません。',
  'site.reports.back': '活動報告の一覧へ',
  'site.reports.pdf': '報告書のPDF（{size}）',

  'site.faq.title': 'よくある質問',
  'site.faq.lead': 'よくいただくご質問への回答を、テーマごとにまとめています。',
  'site.faq.topics': 'テーマ',
  'site.faq.other': 'その他のご質問',
  'site.faq.empty': 'まだ質問は掲載されていません。',
  'site.faq.more': 'お探しの答えが見つかりませんでしたか？',

  'site.kind.page': 'ページ',
  'site.kind.news': 'お知らせ',
  'site.kind.report': '活動報告',
  'site.kind.faq': 'よくある質問',

  'site.event.when': '日時',
  'site.event.where': '場所',
  'site.event.at': '{date} {time}',
  'site.event.same_day': '{date} {from}〜{to}',
  'site.event.range': '{from}〜{to}',

  'site.pager.label': 'ページ',
  'site.pager.previous': '新しい記事',
  'site.pager.next': '以前の記事',
  'site.pager.position': '{pages} ページ中 {page} ページ目',

  'site.search.title': 'サイト内検索',
  'site.search.title_for': '検索：{query}',
  'site.search.description': 'このサイトのすべてのページを検索できます。',
  'site.search.label': 'サイト内を検索',
  'site.search.submit': '検索',
  'site.search.only_this_language': '{language}のページだけを検索する',
  'site.search.too_short':
    '2 文字以上の言葉を入力してください（漢字・かなは 1 文字でも検索できます）。',
  'site.search.none':
    '「{query}」に一致するページは見つかりませんでした。別の言葉を試すか、すべての言語で検索してください。',
  'site.search.count': '「{query}」の検索結果：{count} 件',

  'site.form.required': '必須',
  'site.form.problems': '入力内容をご確認ください',
  'site.form.trap': 'この欄には何も入力しないでください',
  'site.form.too_fast': 'もう少しです。内容をご確認のうえ、もう一度送信ボタンを押してください。',
  'site.form.expired':
    'フォームを開いてから長い時間が経ったか、有効期限が切れています。内容を確認して、もう一度送信してください。',
  'site.form.rate_limited':
    'お使いの接続から短時間に多くのメッセージが送られました。{minutes} 分ほどしてからもう一度お試しください。入力した内容は下に残っています。',
  'site.form.too_large': '入力内容が長すぎます。メッセージを短くして、もう一度送信してください。',

  'site.contact.title': 'お問い合わせ',
  'site.contact.lead':
    '韓国語・中国語・日本語・英語のいずれでもお書きいただけます。必須はメッセージ本文だけです。',
  'site.contact.safety_title': 'あなたの安全のために',
  'site.contact.safety':
    'メッセージは私たちに届いた時点で暗号化され、返信を担当するごく少数のスタッフだけが読むことができます。お名前を書く必要はありません。この端末を他の人が見る可能性がある場合は、プライベートウィンドウを使い、見られたくない内容は書かないでください。',
  'site.contact.message': 'メッセージ',
  'site.contact.name': 'お名前',
  'site.contact.name_hint': '任意です。どのようなお名前でもかまいません。',
  'site.contact.reply_to': '返信先',
  'site.contact.reply_to_hint':
    '任意です。メールアドレスなど、連絡の取れる方法をお書きください。ない場合は返信できません。',
  'site.contact.reply_language': '返信の言語',
  'site.contact.language_other': 'その他・指定なし',
  'site.contact.submit': 'メッセージを送る',

  'site.apply.title': '参加する',
  'site.apply.lead':
    'ボランティアとインターンを募集しています。特に中国語や韓国語が堪能な方を歓迎します。',
  'site.apply.form_title': 'ボランティア・インターンへの応募',
  'site.apply.kind': '希望する参加の形',
  'site.apply.kind_volunteer': 'ボランティア',
  'site.apply.kind_intern': 'インターン',
  'site.apply.name': 'お名前',
  'site.apply.reply_to': '連絡先',
  'site.apply.reply_to_hint': 'メールアドレス、またはその他の連絡方法をお書きください。',
  'site.apply.languages': '話せる言語',
  'site.apply.other_languages': 'その他の言語',
  'site.apply.skills': 'スキル・経験',
  'site.apply.skills_hint': '例：翻訳、教育、医療、法律、会計、IT など。',
  'site.apply.availability': '参加できる時期・頻度',
  'site.apply.availability_hint': '例：「5 月から週 2 回、夜」「6 月から 8 月までフルタイム」',
  'site.apply.message': 'そのほか伝えたいこと',
  'site.apply.submit': '応募する',

  'site.sent.contact_title': 'ありがとうございます。メッセージを受け付けました',
  'site.sent.contact_body':
    'いただいたメッセージはすべて拝読します。返信先をお書きいただいた場合は、できるだけ早くお返事します。',
  'site.sent.application_title': 'ありがとうございます。応募を受け付けました',
  'site.sent.application_body': '内容を拝見し、数週間以内にご連絡します。',
  'site.sent.privacy':
    '送信された内容は受信時に暗号化され、返信を担当するスタッフだけが読むことができます。',

  'site.not_found.title': 'ページが見つかりません',
  'site.not_found.body':
    'このアドレスにはページがありません。移動したか、リンクが誤っている可能性があります。',
  'site.not_found.home': 'トップページへ',
}
