import { setupCheckSchema, setupRequestSchema } from '@haven/core/identity/setup-schema'
import { z } from 'zod'
import { defineRoute } from '../api/api-route.js'
import { asLinkGuess } from './login-throttle.js'
import { checkSetupToken, completeSetup } from './setup-service.js'

const PUBLIC_SETUP = {
  kind: 'public',
  why: 'Before any user exists, the single-use setup link is the only credential.',
} as const

export const setupRoutes = [
  defineRoute({
    method: 'post',
    path: '/setup/check',
    summary: 'Check that a first-administrator setup link is still usable',
    tag: 'setup',
    access: PUBLIC_SETUP,
    body: setupCheckSchema,
    response: z.object({ valid: z.literal(true), expiresAt: z.string() }),
    errors: ['validationFailed', 'setupTokenInvalid', 'setupAlreadyDone', 'rateLimited'],
    async handle({ app, c, body }) {
      const { expiresAt } = await asLinkGuess(app, c, ['setup_token_invalid'], () =>
        checkSetupToken(app, body.token),
      )
      return { valid: true as const, expiresAt }
    },
  }),
  defineRoute({
    method: 'post',
    path: '/setup',
    summary: 'Create the first administrator with a setup link',
    tag: 'setup',
    access: PUBLIC_SETUP,
    body: setupRequestSchema,
    response: z.object({ loginName: z.string() }),
    successStatus: 201,
    errors: [
      'validationFailed',
      'setupTokenInvalid',
      'setupAlreadyDone',
      'loginNameTaken',
      'rateLimited',
    ],
    async handle({ app, c, body }) {
      const { loginName } = await asLinkGuess(app, c, ['setup_token_invalid'], () =>
        completeSetup(app, body),
      )
      return { loginName }
    },
  }),
]
