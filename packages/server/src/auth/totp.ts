import { generateSecret, generateURI, verify } from 'otplib'

/**
 * TOTP (RFC 6238, 6 digits, 30 s) as every authenticator app speaks it. A code is accepted for the
 * current step and one either side (clock drift), and never twice: the last accepted step is
 * stored and `afterTimeStep` refuses it and anything older.
 */
export function newTotpSecret(): string {
  return generateSecret()
}

export function totpUri(secret: string, account: string, issuer: string): string {
  return generateURI({ issuer, label: account, secret })
}

export async function checkTotp(
  secret: string,
  code: string,
  lastTimeStep: number | null,
  now: Date,
): Promise<number | null> {
  const result = await verify({
    secret,
    token: code,
    epoch: Math.floor(now.getTime() / 1000),
    epochTolerance: 30,
    ...(lastTimeStep !== null ? { afterTimeStep: lastTimeStep } : {}),
  })
  return result.valid && 'timeStep' in result ? result.timeStep : null
}
