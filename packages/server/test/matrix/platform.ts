import type { MatrixModule } from '../support/matrix.js'

/** The platform's own routes: first set-up, signing in, password links, one's account and notifications. */
export const matrix: MatrixModule = {
  rows: {
    'POST /setup/check': {
      scope: { kind: 'public' },
      call: () => ({ path: '/setup/check', body: { token: 'x'.repeat(43) } }),
    },
    'POST /setup': { scope: { kind: 'public' }, call: () => ({ path: '/setup', body: {} }) },
    'POST /auth/login': {
      scope: { kind: 'public' },
      call: () => ({ path: '/auth/login', body: { loginName: 'nobody', password: 'x' } }),
    },
    'POST /auth/passkey/options': {
      scope: { kind: 'public' },
      call: () => ({ path: '/auth/passkey/options' }),
    },
    'POST /auth/passkey': {
      scope: { kind: 'public' },
      call: () => ({ path: '/auth/passkey', body: {} }),
    },
    'POST /auth/password-link/check': {
      scope: { kind: 'public' },
      call: () => ({ path: '/auth/password-link/check', body: { token: 'x'.repeat(43) } }),
    },
    'POST /auth/password-link': {
      scope: { kind: 'public' },
      call: () => ({ path: '/auth/password-link', body: {} }),
    },
    'POST /auth/login/totp': {
      scope: { kind: 'self', secondStep: true },
      call: () => ({ path: '/auth/login/totp', body: { code: '000000' } }),
    },
    'POST /auth/login/recovery': {
      scope: { kind: 'self', secondStep: true },
      call: () => ({ path: '/auth/login/recovery', body: { code: 'AAAA-AAAA-AAAA-AAAA' } }),
    },
    'POST /auth/logout': { scope: { kind: 'self' }, call: () => ({ path: '/auth/logout' }) },
    'GET /auth/session': { scope: { kind: 'self' }, call: () => ({ path: '/auth/session' }) },
    'GET /account': { scope: { kind: 'self' }, call: () => ({ path: '/account' }) },
    'PATCH /account': {
      scope: { kind: 'self' },
      call: () => ({ path: '/account', body: { locale: 'ja' } }),
    },
    'POST /account/password': {
      scope: { kind: 'self' },
      call: () => ({
        path: '/account/password',
        body: { currentPassword: 'wrong', newPassword: 'x' },
      }),
    },
    'POST /account/reauth/options': {
      scope: { kind: 'self' },
      call: () => ({ path: '/account/reauth/options' }),
    },
    'POST /account/reauth': {
      scope: { kind: 'self' },
      call: () => ({ path: '/account/reauth', body: { password: 'correct horse battery staple' } }),
    },
    'GET /account/sessions': {
      scope: { kind: 'self' },
      call: () => ({ path: '/account/sessions' }),
    },
    'DELETE /account/sessions/:id': {
      scope: { kind: 'self' },
      call: () => ({ path: '/account/sessions/unknown' }),
    },
    'POST /account/totp/setup': {
      scope: { kind: 'self' },
      call: () => ({ path: '/account/totp/setup' }),
    },
    'POST /account/totp/confirm': {
      scope: { kind: 'self' },
      call: () => ({ path: '/account/totp/confirm', body: { code: '000000' } }),
    },
    'DELETE /account/totp': { scope: { kind: 'self' }, call: () => ({ path: '/account/totp' }) },
    'POST /account/recovery-codes': {
      scope: { kind: 'self' },
      call: () => ({ path: '/account/recovery-codes' }),
    },
    'POST /account/passkeys/options': {
      scope: { kind: 'self' },
      call: () => ({ path: '/account/passkeys/options' }),
    },
    'POST /account/passkeys': {
      scope: { kind: 'self' },
      call: () => ({ path: '/account/passkeys', body: {} }),
    },
    'PATCH /account/passkeys/:id': {
      scope: { kind: 'self' },
      call: () => ({ path: '/account/passkeys/unknown', body: { name: 'x' } }),
    },
    'DELETE /account/passkeys/:id': {
      scope: { kind: 'self' },
      call: () => ({ path: '/account/passkeys/unknown' }),
    },
    'GET /notifications': { scope: { kind: 'self' }, call: () => ({ path: '/notifications' }) },
    'POST /notifications/read': {
      scope: { kind: 'self' },
      call: () => ({ path: '/notifications/read', body: {} }),
    },
  },
}
