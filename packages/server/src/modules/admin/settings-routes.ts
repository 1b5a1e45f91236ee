import { roleView } from '@haven/core/admin/admin-views'
import { securitySettingsSchema } from '@haven/core/auth/auth-schemas'
import { IDENTIFYING_ROLES, ORGANISATION_ROLES, ROLES } from '@haven/core/auth/roles'
import { z } from 'zod'
import { defineRoute } from '../../api/api-route.js'
import { audit } from '../../auth/auth-audit.js'
import { mfaRequiredRoles, writeSetting } from '../../auth/settings-store.js'

export const settingsRoutes = [
  defineRoute({
    method: 'get',
    path: '/roles',
    summary: 'The roles, what is special about each, and whether a second factor is required',
    tag: 'admin',
    access: { kind: 'policy', entity: 'Role', action: 'read' },
    response: z.array(roleView),
    async handle({ app }) {
      const required = await mfaRequiredRoles(app.database.db)
      return ROLES.map((role) => ({
        role,
        organisationOnly: ORGANISATION_ROLES.includes(role),
        identifies: IDENTIFYING_ROLES.includes(role),
        secondFactorRequired: required.includes(role),
      }))
    },
  }),
  defineRoute({
    method: 'get',
    path: '/settings/security',
    summary: 'Organisation security settings',
    tag: 'admin',
    access: { kind: 'policy', entity: 'Settings', action: 'read' },
    response: securitySettingsSchema,
    async handle({ app }) {
      return { mfaRequiredRoles: await mfaRequiredRoles(app.database.db) }
    },
  }),
  defineRoute({
    method: 'put',
    path: '/settings/security',
    summary: 'Choose which roles must use a second factor',
    tag: 'admin',
    access: { kind: 'policy', entity: 'Settings', action: 'update' },
    reauth: true,
    body: securitySettingsSchema,
    response: securitySettingsSchema,
    errors: ['forbidden', 'reauthRequired', 'validationFailed'],
    async handle({ app, body, actor, audit: ctx }) {
      const roles = [...new Set(body.mfaRequiredRoles)].sort()
      await app.database.db.transaction().execute(async (trx) => {
        await writeSetting(
          trx,
          'security.mfa_required_roles',
          JSON.stringify(roles),
          app.now().toISOString(),
        )
        await audit(app, trx, {
          actorId: actor().userId,
          action: 'settings.changed',
          entityType: 'Settings',
          entityId: 'security',
          requestId: ctx.requestId,
          details: { mfaRequiredRoles: roles },
        })
      })
      return { mfaRequiredRoles: roles }
    },
  }),
]
