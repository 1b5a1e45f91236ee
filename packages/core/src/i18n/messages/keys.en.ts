/** Keys, sealed mode, rotation, shredding and backups. */
export const keysEn = {
  'error.sealed':
    'Haven is sealed: the person who runs the server must unseal it with the passphrase (haven unseal) before anything can be read.',
  'error.rotation_running':
    'A key rotation of this compartment is already running. Wait for it to finish.',
  'error.keys_destroyed':
    'This compartment was shredded: its keys were destroyed, so its records can still be read as codes, dates and counts, but nothing can be added or changed there any more. Nothing was saved. Record new work in another compartment.',
  'error.confirmation_mismatch':
    'Type the compartment’s code exactly as shown to confirm. Nothing was destroyed.',
  'error.blind_index_missing':
    'This compartment cannot be rotated yet: a module stores searchable names without telling Haven how to re-index them.',

  'unseal.title': 'Unseal Haven',
  'unseal.intro':
    'Haven started sealed: it holds no key and can read nothing until you enter the passphrase. This page answers only on this machine.',
  'unseal.first_time':
    'No passphrase is set yet: the one you enter now protects Haven’s master key from now on. Use a few unrelated words; losing it means restoring from the trustees’ shares.',
  'unseal.passphrase': 'Passphrase',
  'unseal.submit': 'Unseal',
  'unseal.done': 'Haven is unsealed. You can close this page.',
  'unseal.already': 'Haven is not sealed. There is nothing to do here.',
  'unseal.wrong':
    'That passphrase does not unseal Haven. Nothing was changed; the attempt was logged.',
  'unseal.throttled':
    'Too many wrong passphrases. Wait {seconds, plural, one {# second} other {# seconds}} before trying again.',
  'unseal.weak':
    'This first passphrase is too weak: use at least 12 characters that are not a common password or the organisation’s name.',
  'unseal.needs_seal':
    'This database has data but no sealed master key. On the server, run: haven keys seal --master-key-file FILE',
  'unseal.mismatch':
    'The sealed master key does not open this key store. On the server, run: haven keys seal --master-key-file FILE',
  'unseal.not_local':
    'The unseal page only answers on the server itself (127.0.0.1), not through a proxy. Use “haven unseal” on the server, or an SSH tunnel.',
  'unseal.form_expired': 'This form expired. Reload the page and try again.',

  'keys.intro':
    'Each compartment’s identifying fields are sealed with its own keys. Rotating makes new keys and re-seals everything; shredding destroys the keys, so those fields can never be read again — here or in any backup.',
  'keys.loading': 'Loading…',
  'keys.compartment': 'Compartment',
  'keys.data_key': 'Data key',
  'keys.index_key': 'Index key',
  'keys.status': 'Status',
  'keys.actions': 'Actions',
  'keys.version': 'v{version}',
  'keys.system': 'Haven’s own secrets',
  'keys.status_ok': 'Keys in place',
  'keys.status_shredded': 'Shredded {date}',
  'keys.rotating': 'Rotating: {done} of {total, plural, one {# record} other {# records}}',
  'keys.rotation_failed': 'Rotation stopped: {error}',
  'keys.rotation_settling':
    'Every record is re-sealed ({total}). Waiting for every server to drop the old keys from its cache, then a final sweep.',
  'keys.rotation_done': 'Rotated {date}',
  'keys.rotate': 'Rotate keys',
  'keys.rotate_label': 'Rotate keys of {code}',
  'keys.shred': 'Shred',
  'keys.shred_label': 'Shred compartment {code}',
  'keys.shred_title': 'Shred {code}',
  'keys.shred_warning':
    'This destroys the keys of {code}. Its records stay (codes, dates, counts), but every name, note and other sealed field becomes unreadable for good, in this database and in every backup. It cannot be undone.',
  'keys.shred_then_rotate':
    'Afterwards, rotate the master key on the server (haven keys rotate-master): copies of the old wrapped keys can remain in the database’s logs (PostgreSQL’s write-ahead log and its archives, file-system snapshots), and the current master key opens them. A new master key makes them useless.',
  'keys.rotate_master_advised':
    'A compartment was shredded on {date} and the master key has not been rotated since: copies of its old wrapped keys may remain in the database’s logs, and the current master key opens them. On the server, run:',
  'keys.shred_confirm_label': 'Type {code} to confirm',
  'keys.shred_password_label': 'Your password (to confirm it is you)',
  'keys.shred_submit': 'Destroy the keys of {code}',
  'keys.cancel': 'Cancel',
  'keys.shredded_done':
    'The keys of {code} were destroyed ({count, plural, one {# key} other {# keys}}).',
  'keys.exports_to_destroy':
    'These key exports were made before the shred and still hold the destroyed keys. Find every copy and destroy it now:',
  'keys.export_line': 'Key export {fingerprint}, made {date}',
  'keys.no_exports': 'No key export holds these keys.',
  'keys.exports_title': 'Key exports',
  'keys.exports_none': 'No key export has been made. Run “haven keys export” on the server.',
} as const
