import type { commonEn } from './common.en.js'

export const commonJa: Record<keyof typeof commonEn, string> = {
  'error.invalid_json':
    'リクエスト本文が正しい JSON ではありません。引用符やカンマの抜けを確認してください。',
  'error.unsupported_media_type':
    'リクエスト本文は Content-Type: application/json の JSON で送ってください。',
  'error.payload_too_large':
    'リクエスト本文が {limit} を超えています。一度に送るデータを減らしてください。',
  'error.not_found': 'このアドレスには何も見つかりませんでした。',
  'error.method_not_allowed':
    'このアドレスは {method} を受け付けません。使用できるのは {allowed} です。',
  'error.validation_failed': '入力に誤りがあります。修正してもう一度お試しください。',
  'error.internal_error':
    'サーバー側で問題が発生しました。何も保存されていません。繰り返し起きる場合は、管理者にこの参照番号を伝えてください：{requestId}',
  'error.unauthenticated': '続けるにはサインインしてください。',
  'error.forbidden': 'この操作を行う権限がありません。',
  'error.cross_site_request': '別のサイトからのリクエストのため拒否しました。',
  'error.rate_limited': '試行回数が多すぎます。{seconds} 秒待ってからもう一度お試しください。',
  'error.conflict': '編集中に他の人がこの記録を変更しました。両方の内容を確認してください。',
  'error.service_unavailable': 'Haven はまだ準備中です。しばらくしてからもう一度お試しください。',
  'error.setup_token_invalid':
    'このセットアップリンクは無効です（期限切れか、すでに使用済みです）。サーバーの管理者に新しいリンクを依頼してください（haven setup-link）。',
  'error.setup_already_done': 'Haven にはすでに管理者がいます。サインインしてください。',
  'error.login_name_taken': 'このログイン名はすでに使われています。別の名前を選んでください。',
  'error.network':
    'サーバーに接続できません。接続を確認してもう一度お試しください。入力内容は失われていません。',

  'field.required': 'この項目は必須です。',
  'field.too_short': '{minimum} 文字以上で入力してください。',
  'field.too_long': '{maximum} 文字以内で入力してください。',
  'field.too_small': '{minimum} 以上の値を入力してください。',
  'field.too_big': '{maximum} 以下の値を入力してください。',
  'field.invalid_type': '{expected} を入力してください。',
  'field.invalid_value': '次のいずれかを選んでください：{options}',
  'field.invalid_format': '正しい {format} ではありません。',
  'field.unrecognized_keys': '不明な項目です：{keys}',
  'field.invalid': 'この値は正しくありません。',
  'field.password_common':
    'このパスワードはよく使われており、すぐに推測されます。別のものを選んでください。',
  'field.password_contains_org': 'パスワードに団体名を含めないでください。',
  'field.password_contains_login': 'パスワードにログイン名を含めないでください。',
  'field.password_mismatch': '2 つのパスワードが一致しません。',
  'field.login_name_format':
    '英数字・ピリオド・ハイフン・アンダースコアで 3〜64 文字、先頭は英数字にしてください。',

  'common.language': '言語',
  'common.skip_to_content': '本文へ移動',
  'common.home': 'ホーム',
  'common.save': '保存',
  'common.cancel': 'キャンセル',
  'common.continue': '続ける',
  'common.loading': '読み込み中…',
  'common.yes': 'はい',
  'common.no': 'いいえ',
  'common.actions': '操作',
  'common.copied': 'コピーしました。',
  'common.copy_failed': 'コピーできませんでした。テキストを選択して手動でコピーしてください。',
  'common.try_again': '再試行',
  'common.offline': 'オフラインです。変更は接続が戻るまで保留されます。',
  'common.signed_out': 'サインアウトしています。続けるには、もう一度サインインしてください。',
}
