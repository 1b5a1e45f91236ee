import { can, definePolicy } from '../../auth/policy.js'

declare module '../../auth/policy.js' {
  interface Entities {
    /** A file attached to a person (their photo) or to a case, in its owner's compartment. */
    Attachment: { compartmentId: string; ownerType: 'person' | 'case' }
  }
}

// A file is as sensitive as what it belongs to: opening it takes its owner's identify permission.
export const attachmentPolicy = definePolicy('Attachment', {
  identify: (actor, a) =>
    can(actor, 'identify', a.ownerType === 'person' ? 'Person' : 'Case', {
      compartmentId: a.compartmentId,
    }),
})
