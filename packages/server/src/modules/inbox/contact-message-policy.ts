import { IDENTIFYING_ROLES } from '@haven/core/auth/roles'
import { allow } from '../../auth/policy.js'

// Messages from the public forms may come from a refugee: they are identifying data. Only those
// who may see identifying data (coordinators, caseworkers) in the inbox's compartment read or
// answer them. Administrators and editors do not, unless granted there.
allow('list', 'ContactMessage', () => true)
allow('read', 'ContactMessage', (actor, m) => actor.hasRoleIn(m.compartmentId, IDENTIFYING_ROLES))
allow('update', 'ContactMessage', (actor, m) => actor.hasRoleIn(m.compartmentId, IDENTIFYING_ROLES))
