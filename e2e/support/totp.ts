import { generate } from 'otplib'

/** The last time step each secret's code was used at, so no code is offered twice. */
const lastStep = new Map<string, number>()

/**
 * The code an authenticator app would show for `secret`, never one already spent on this
 * server (a code is accepted once): the current step's, or the next step's while the current one
 * is spent (the server allows one step of clock drift), or — after both — the next after waiting.
 */
export async function nextTotpCode(secret: string): Promise<{ code: string; epoch: number }> {
  const used = lastStep.get(secret) ?? -1
  let now = Math.floor(Date.now() / 1000)
  if (used > Math.floor(now / 30)) {
    // Both the current and the next step are spent: wait for the next step to become current.
    await new Promise((resolve) => setTimeout(resolve, (used * 30 - now + 1) * 1000))
    now = Math.floor(Date.now() / 1000)
  }
  const step = Math.max(Math.floor(now / 30), used + 1)
  lastStep.set(secret, step)
  const epoch = step * 30
  return { code: await generate({ secret, epoch }), epoch }
}
