/** app messages. English is the reference; the Japanese file must have the same keys. */
export const appEn = {
  'app.title': 'Haven staff',
  'app.offline_title': 'You are offline.',
  'app.offline_body':
    'Work is not being saved. Haven keeps trying to reconnect; this note goes away when the connection is back.',
  'app.setup.title': 'Set up Haven',
  'app.setup.intro':
    'You are creating the first administrator. Choose a password you do not use anywhere else; nobody else will ever know it.',
  'app.setup.login_name': 'Login name',
  'app.setup.display_name': 'Your name as colleagues see it',
  'app.setup.password': 'Password (12 to 128 characters)',
  'app.setup.password_again': 'Password again',
  'app.setup.submit': 'Create administrator',
  'app.setup.done_title': 'Administrator created',
  'app.setup.done_body':
    'The setup link has been used and no longer works. You can now sign in as {loginName}: first of all, you will set up a second factor (a passkey or an authenticator app), which administrators always need.',
  'app.setup.no_token':
    'Open the full setup link printed by the server. If it expired, run “haven setup-link” on the server for a new one.',
  'app.not_found_title': 'Page not found',
  'app.not_found': 'There is nothing at this address in the staff app.',
  'home.welcome': 'Welcome, {name}',
  'home.your_roles': 'Your roles',
  'home.no_roles':
    'You have no roles yet, so there is nothing to see here. An administrator can give you one.',
  'home.grant_in': '{role} in {compartment}',
  'home.grant_org': '{role} for the whole organisation',
  'home.unread': '{count, plural, one {# unread notification} other {# unread notifications}}',
  'home.no_unread': 'No unread notifications.',
  'cases.picker_more': 'Show more cases',
  'cases.picker_shown': '{shown} of {total} cases listed, most recently active first.',
} as const
