import { type APIRequestContext, request } from 'playwright-core'
import type { HavenUnderTest } from './haven-server.js'
import { nextTotpCode } from './totp.js'

export const E2E_PASSWORD = 'a quiet river at dawn 2026'

export interface StaffAccount {
  loginName: string
  password: string
  /** The authenticator app's secret, for accounts that enrolled one (the administrator). */
  totpSecret?: string
}

/** The first administrator of each Haven under test (it enrols an authenticator app). */
const administrators = new Map<string, StaffAccount>()

/** The first administrator createStaff made for this Haven. */
export function administratorOf(haven: HavenUnderTest): StaffAccount {
  const admin = administrators.get(haven.baseUrl)
  if (!admin) throw new Error('createStaff has not run for this Haven')
  return admin
}

interface Created {
  user: { id: string }
  link: { url: string }
}

const token = (link: string) => /#token=([\w-]+)/.exec(link)?.[1] ?? ''

async function ok<T>(response: Awaited<ReturnType<APIRequestContext['post']>>): Promise<T> {
  if (!response.ok())
    throw new Error(`${response.url()}: ${response.status()} ${await response.text()}`)
  return (await response.json()) as T
}

/**
 * The accounts a browser test needs, made the way an organisation would: the first
 * administrator through the setup link, enrolling an authenticator app before anything else
 * (administrators always need a second factor; the code is computed here, as the app would),
 * the others by that administrator, each choosing a password through their link. Second factors
 * are switched off for the other roles (a setting an administrator may change) so the tests can
 * sign them in with a password alone.
 */
export async function createStaff(
  haven: HavenUnderTest,
  wanted: Record<string, { role: string; compartment: string | null }>,
): Promise<Record<string, StaffAccount>> {
  const base = haven.baseUrl
  const admin = await request.newContext({ baseURL: base, extraHTTPHeaders: { Origin: base } })
  try {
    await ok(
      await admin.post('/api/v1/setup', {
        data: {
          token: token(haven.setupLink()),
          loginName: 'admin',
          displayName: 'Admin',
          password: E2E_PASSWORD,
          locale: 'en',
        },
      }),
    )
    const login = await ok<{ stage: string }>(
      await admin.post('/api/v1/auth/login', {
        data: { loginName: 'admin', password: E2E_PASSWORD },
      }),
    )
    if (login.stage !== 'enroll_required')
      throw new Error(`the first administrator was not asked to enrol: ${login.stage}`)
    const { secret } = await ok<{ secret: string }>(await admin.post('/api/v1/account/totp/setup'))
    await ok(
      await admin.post('/api/v1/account/totp/confirm', {
        data: { code: (await nextTotpCode(secret)).code },
      }),
    )
    administrators.set(base, { loginName: 'admin', password: E2E_PASSWORD, totpSecret: secret })
    await ok(
      await admin.put('/api/v1/settings/security', {
        data: { mfaRequiredRoles: ['administrator'] },
      }),
    )
    const compartments = await ok<{ id: string; code: string }[]>(
      await admin.get('/api/v1/compartments'),
    )
    const codeToId = new Map(compartments.map((c) => [c.code, c.id]))
    const accounts: Record<string, StaffAccount> = {}
    for (const [loginName, { role, compartment }] of Object.entries(wanted)) {
      let compartmentId: string | null = null
      if (compartment) {
        compartmentId = codeToId.get(compartment) ?? null
        if (!compartmentId) {
          const made = await ok<{ id: string }>(
            await admin.post('/api/v1/compartments', {
              data: { code: compartment, name: compartment, kind: 'shelter' },
            }),
          )
          compartmentId = made.id
          codeToId.set(compartment, made.id)
        }
      }
      await addAccount(admin, base, loginName, role, compartmentId)
      accounts[loginName] = { loginName, password: E2E_PASSWORD }
    }
    return accounts
  } finally {
    await admin.dispose()
  }
}

/** One account with one grant, made by a signed-in administrator; its password set through the link. */
async function addAccount(
  admin: APIRequestContext,
  base: string,
  loginName: string,
  role: string,
  compartmentId: string | null,
): Promise<StaffAccount> {
  const created = await ok<Created>(
    await admin.post('/api/v1/users', {
      data: { loginName, displayName: loginName, locale: 'en' },
    }),
  )
  await ok(
    await admin.post('/api/v1/grants', {
      data: { userId: created.user.id, role, compartmentId },
    }),
  )
  const anonymous = await request.newContext({
    baseURL: base,
    extraHTTPHeaders: { Origin: base },
  })
  await ok(
    await anonymous.post('/api/v1/auth/password-link', {
      data: { token: token(created.link.url), password: E2E_PASSWORD },
    }),
  )
  await anonymous.dispose()
  return { loginName, password: E2E_PASSWORD }
}

/**
 * Another account after createStaff, for a compartment made during the test (a shelter the
 * coordinator just opened): the first administrator signs in again to make it.
 */
export async function addStaff(
  haven: HavenUnderTest,
  loginName: string,
  grant: { role: string; compartmentId: string | null },
): Promise<StaffAccount> {
  const base = haven.baseUrl
  const admin = await request.newContext({ baseURL: base, extraHTTPHeaders: { Origin: base } })
  try {
    await signInContext({ request: admin }, base, administratorOf(haven))
    return await addAccount(admin, base, loginName, grant.role, grant.compartmentId)
  } finally {
    await admin.dispose()
  }
}

/**
 * Signs a browser context in through the API (the sign-in screen lives in another module), with
 * the authenticator app's code as the second step when the account has one.
 */
export async function signInContext(
  context: { request: APIRequestContext },
  baseUrl: string,
  account: StaffAccount,
): Promise<void> {
  const res = await context.request.post(`${baseUrl}/api/v1/auth/login`, {
    data: { loginName: account.loginName, password: account.password },
    headers: { Origin: baseUrl },
  })
  if (!res.ok())
    throw new Error(`sign-in of ${account.loginName} failed: ${res.status()} ${await res.text()}`)
  const { stage } = (await res.json()) as { stage: string }
  if (stage !== 'mfa_pending') return
  if (!account.totpSecret) throw new Error(`${account.loginName} needs a second factor`)
  const second = await context.request.post(`${baseUrl}/api/v1/auth/login/totp`, {
    data: { code: (await nextTotpCode(account.totpSecret)).code },
    headers: { Origin: baseUrl },
  })
  if (!second.ok())
    throw new Error(
      `second step of ${account.loginName} failed: ${second.status()} ${await second.text()}`,
    )
}
