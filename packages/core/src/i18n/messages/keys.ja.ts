import type { keysEn } from './keys.en.js'

export const keysJa: Record<keyof typeof keysEn, string> = {
  'error.sealed':
    'Haven は封印されています。サーバーの管理者がパスフレーズで封印を解除する（haven unseal）まで、何も読み出せません。',
  'error.rotation_running':
    'この区画の鍵のローテーションはすでに実行中です。完了までお待ちください。',
  'error.keys_destroyed':
    'この区画はシュレッドされ、鍵が破棄されています。記録はコード・日付・件数として読めますが、追加や変更はできません。何も保存されていません。新しい作業は別の区画に記録してください。',
  'error.confirmation_mismatch':
    '確認のため、区画コードを表示どおり正確に入力してください。何も破棄されていません。',
  'error.blind_index_missing':
    'この区画はまだローテーションできません。検索用の名前を保存しているモジュールが、再索引の方法を Haven に登録していません。',

  'unseal.title': 'Haven の封印を解除',
  'unseal.intro':
    'Haven は封印された状態で起動しました。パスフレーズを入力するまで、鍵を持たず何も読み出せません。このページはこのマシン上でのみ応答します。',
  'unseal.first_time':
    'パスフレーズはまだ設定されていません。ここで入力したものが、今後 Haven のマスターキーを守ります。互いに関係のない単語をいくつか並べてください。忘れた場合は、管財人のシェアから復元することになります。',
  'unseal.passphrase': 'パスフレーズ',
  'unseal.submit': '封印を解除',
  'unseal.done': 'Haven の封印を解除しました。このページは閉じてかまいません。',
  'unseal.already': 'Haven は封印されていません。ここで行うことはありません。',
  'unseal.wrong':
    'このパスフレーズでは封印を解除できません。何も変更されていません。この試行は記録されました。',
  'unseal.throttled': '誤ったパスフレーズが多すぎます。{seconds} 秒待ってから再度お試しください。',
  'unseal.weak':
    '最初のパスフレーズが弱すぎます。よく使われるパスワードや団体名ではない、12 文字以上にしてください。',
  'unseal.needs_seal':
    'このデータベースにはデータがありますが、封印されたマスターキーがありません。サーバーで次を実行してください: haven keys seal --master-key-file FILE',
  'unseal.mismatch':
    '封印されたマスターキーではこの鍵ストアを開けません。サーバーで次を実行してください: haven keys seal --master-key-file FILE',
  'unseal.not_local':
    '封印解除ページはサーバー自身（127.0.0.1）でのみ、プロキシを経由せずに応答します。サーバー上で「haven unseal」を使うか、SSH トンネルを使ってください。',
  'unseal.form_expired':
    'このフォームは期限切れです。ページを再読み込みしてもう一度お試しください。',

  'keys.intro':
    '各区画の個人を特定できる項目は、その区画専用の鍵で封印されています。ローテーションは新しい鍵を作り、すべてを封印し直します。シュレッドは鍵を破棄し、それらの項目をこのデータベースでもすべてのバックアップでも二度と読めなくします。',
  'keys.loading': '読み込み中…',
  'keys.compartment': '区画',
  'keys.data_key': 'データ鍵',
  'keys.index_key': '索引鍵',
  'keys.status': '状態',
  'keys.actions': '操作',
  'keys.version': 'v{version}',
  'keys.system': 'Haven 自身の秘密情報',
  'keys.status_ok': '鍵あり',
  'keys.status_shredded': '{date} にシュレッド済み',
  'keys.rotating': 'ローテーション中: {total} 件中 {done} 件',
  'keys.rotation_failed': 'ローテーションが停止しました: {error}',
  'keys.rotation_settling':
    'すべての記録（{total} 件）を再暗号化しました。各サーバーがキャッシュから古い鍵を消すのを待って、最後の確認を行います。',
  'keys.rotation_done': '{date} にローテーション済み',
  'keys.rotate': '鍵をローテーション',
  'keys.rotate_label': '{code} の鍵をローテーション',
  'keys.shred': 'シュレッド',
  'keys.shred_label': '区画 {code} をシュレッド',
  'keys.shred_title': '{code} をシュレッド',
  'keys.shred_then_rotate':
    'シュレッドの後、サーバーでマスター鍵を更新してください（haven keys rotate-master）。古い包まれた鍵の写しがデータベースのログ（PostgreSQL の WAL とそのアーカイブ、ファイルシステムのスナップショット）に残ることがあり、現在のマスター鍵で開けてしまいます。新しいマスター鍵にすれば、それらは役に立たなくなります。',
  'keys.rotate_master_advised':
    '{date} に区画がシュレッドされましたが、その後マスター鍵が更新されていません。古い包まれた鍵の写しがデータベースのログに残っている可能性があり、現在のマスター鍵で開けてしまいます。サーバーで次を実行してください：',
  'keys.shred_warning':
    '{code} の鍵を破棄します。記録（コード、日付、件数）は残りますが、名前やメモなど封印された項目は、このデータベースでもすべてのバックアップでも永久に読めなくなります。元に戻せません。',
  'keys.shred_confirm_label': '確認のため {code} と入力',
  'keys.shred_password_label': 'あなたのパスワード（本人確認のため）',
  'keys.shred_submit': '{code} の鍵を破棄',
  'keys.cancel': 'キャンセル',
  'keys.shredded_done': '{code} の鍵を破棄しました（{count} 個）。',
  'keys.exports_to_destroy':
    '次の鍵エクスポートはシュレッド前に作成されたもので、破棄された鍵をまだ含んでいます。すべてのコピーを探して、今すぐ破棄してください:',
  'keys.export_line': '鍵エクスポート {fingerprint}（{date} 作成）',
  'keys.no_exports': 'これらの鍵を含む鍵エクスポートはありません。',
  'keys.exports_title': '鍵エクスポート',
  'keys.exports_none':
    '鍵エクスポートはまだ作成されていません。サーバーで「haven keys export」を実行してください。',
}
