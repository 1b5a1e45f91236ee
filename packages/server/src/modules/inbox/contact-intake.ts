import {
  type ApplicationForm,
  applicationLanguages,
  type ContactForm,
} from '@haven/core/inbox/contact-schemas'
import type { AppContext } from '../../app-context.js'
import { audit } from '../../auth/auth-audit.js'
import { isUniqueViolation } from '../../db/constraint-errors.js'
import { newId } from '../../db/ids.js'
import { ensureVolunteersCompartment, receiveSiteApplication } from '../volunteers/index.js'
import { ensureContactCompartment } from './contact-compartment.js'
import { insertContactMessage } from './inbox-store.js'
import type { ContactMessagesTable } from './inbox-tables.js'

export type Submission =
  | { kind: 'contact'; form: ContactForm }
  | { kind: 'application'; form: ApplicationForm }

/**
 * Seals a message from the public forms with the contact compartment's key and stores it. This
 * is the public site's only write, and it can only add: nothing here reads a message back.
 * The audit entry holds ids only, never what was written. An application to volunteer or intern
 * also lands in the volunteers module, sealed there too, in the same transaction.
 */
export async function receiveMessage(
  app: AppContext,
  submission: Submission,
  siteLocale: string,
  requestId: string,
): Promise<string> {
  const compartmentId = await ensureContactCompartment(app)
  const id = newId()
  const now = app.now().toISOString()
  const { form } = submission
  const details =
    submission.kind === 'contact'
      ? { replyLanguage: submission.form.replyLanguage }
      : {
          replyLanguage: '',
          kind: submission.form.kind,
          languages: submission.form.languages,
          otherLanguages: submission.form.otherLanguages,
          skills: submission.form.skills,
          availability: submission.form.availability,
        }
  const volunteersCompartmentId =
    submission.kind === 'application' ? await ensureVolunteersCompartment(app) : null
  // Two applications at once may take the same volunteer number: the loser tries again.
  for (let attempt = 0; ; attempt += 1) {
    try {
      await store()
      return id
    } catch (error) {
      if (isUniqueViolation(error) && attempt < 4) continue
      throw error
    }
  }

  async function store() {
    await app.database.db.transaction().execute(async (trx) => {
      const seal = (column: keyof ContactMessagesTable, value: string) =>
        app.crypto.fields.seal(
          trx,
          { table: 'contact_messages', column, recordId: id, compartmentId },
          value,
        )
      // Every field is sealed, empty ones too, so the database does not even show which were given.
      await insertContactMessage(trx, {
        id,
        compartment_id: compartmentId,
        kind: submission.kind,
        site_locale: siteLocale,
        status: 'new',
        received_at: now,
        updated_at: now,
        updated_by: null,
        name_sealed: await seal('name_sealed', form.name),
        reply_to_sealed: await seal('reply_to_sealed', form.replyTo),
        message_sealed: await seal('message_sealed', form.message),
        details_sealed: await seal('details_sealed', JSON.stringify(details)),
      })
      await audit(app, trx, {
        actorId: null,
        action: 'contact.message_received',
        entityType: 'ContactMessage',
        entityId: id,
        compartmentId,
        requestId,
        details: { kind: submission.kind },
      })
      if (submission.kind === 'application' && volunteersCompartmentId)
        await receiveSiteApplication(
          app,
          trx,
          volunteersCompartmentId,
          {
            name: submission.form.name,
            replyTo: submission.form.replyTo,
            languages: applicationLanguages(submission.form),
            skills: submission.form.skillAreas,
            availableDays: submission.form.availableDays,
            hoursPerWeek: submission.form.hoursPerWeek,
          },
          requestId,
        )
    })
  }
}
