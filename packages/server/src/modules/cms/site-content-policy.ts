import { allow } from '../../auth/policy.js'

// Editors write, review, publish and arrange the public website. Nobody else does: not even
// administrators, whose role is accounts, not what the organisation says in public.
const editor = (actor: { hasOrgRole: (roles: readonly ['editor']) => boolean }) =>
  actor.hasOrgRole(['editor'])

for (const action of ['list', 'read', 'create', 'update', 'delete', 'manage'] as const)
  allow(action, 'SiteContent', editor)
