/** common messages. English is the reference; the Japanese file must have the same keys. */
export const commonEn = {
  'error.invalid_json': 'The request body is not valid JSON. Check for a missing quote or comma.',
  'error.unsupported_media_type':
    'Send the request body as JSON with Content-Type: application/json.',
  'error.payload_too_large': 'The request body is larger than {limit}. Send less data at once.',
  'error.not_found': 'Nothing was found at this address.',
  'error.method_not_allowed': 'This address does not accept {method}. Allowed: {allowed}.',
  'error.validation_failed': 'Some fields are not valid. Correct them and try again.',
  'error.internal_error':
    'Something went wrong on our side. Nothing was saved. If it happens again, give an administrator this reference: {requestId}.',
  'error.unauthenticated': 'Sign in to continue.',
  'error.forbidden': 'You do not have permission to do this.',
  'error.cross_site_request': 'This request came from another site and was refused.',
  'error.rate_limited':
    'Too many attempts. Wait {seconds, plural, one {# second} other {# seconds}} and try again.',
  'error.conflict':
    'Someone else changed this record while you were editing. Review both versions.',
  'error.service_unavailable': 'Haven is not ready yet. Try again in a moment.',
  'error.setup_token_invalid':
    'This setup link is not valid: it may have expired or been used already. Ask the person who runs the server for a new one (haven setup-link).',
  'error.setup_already_done': 'Haven already has an administrator. Sign in instead.',
  'error.login_name_taken': 'This login name is already in use. Choose another.',
  'error.network': 'Cannot reach the server. Check the connection and try again; nothing was lost.',

  // Field validation messages (keyed by Zod issue kind).
  'field.required': 'This field is required.',
  'field.too_short': 'Use at least {minimum, plural, one {# character} other {# characters}}.',
  'field.too_long': 'Use at most {maximum, plural, one {# character} other {# characters}}.',
  'field.too_small': 'Use a value of at least {minimum}.',
  'field.too_big': 'Use a value of at most {maximum}.',
  'field.invalid_type': 'Expected {expected}.',
  'field.invalid_value': 'Choose one of: {options}.',
  'field.invalid_format': 'This is not a valid {format}.',
  'field.unrecognized_keys': 'Unknown field: {keys}.',
  'field.invalid': 'This value is not valid.',
  'field.password_common':
    'This password is too common and would be guessed quickly. Choose another.',
  'field.password_contains_org': 'Do not use the organisation’s name in your password.',
  'field.password_contains_login': 'Do not use your login name in your password.',
  'field.password_mismatch': 'The two passwords differ.',
  'field.login_name_format':
    'Use 3 to 64 letters, digits, dots, hyphens or underscores, starting with a letter or digit.',

  // Words shared by the site and the app.
  'common.language': 'Language',
  'common.skip_to_content': 'Skip to content',
  'common.home': 'Home',
  'common.save': 'Save',
  'common.cancel': 'Cancel',
  'common.continue': 'Continue',
  'common.loading': 'Loading…',
  'common.yes': 'Yes',
  'common.no': 'No',
  'common.actions': 'Actions',
  'common.copied': 'Copied.',
  'common.copy_failed': 'Could not copy. Select the text and copy it by hand.',
  'common.try_again': 'Try again',
  'common.offline': 'You are offline. Changes will wait until the connection returns.',
  'common.signed_out': 'You are signed out. Sign in again to continue.',

  // Public site.,
} as const
