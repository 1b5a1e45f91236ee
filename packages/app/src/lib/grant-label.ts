import type { GrantView } from '@haven/core/auth/auth-views'
import { t } from './locale.js'

/** "Coordinator in YAN-02", "Administrator for the whole organisation". */
export function grantLabel(grant: GrantView): string {
  return grant.compartmentCode
    ? t('home.grant_in', { role: t(`role.${grant.role}`), compartment: grant.compartmentCode })
    : t('home.grant_org', { role: t(`role.${grant.role}`) })
}
