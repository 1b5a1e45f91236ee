import type { SiteIdentityInput, SiteIdentityView } from '@haven/core/cms/site-identity'
import type { AppContext } from '../../app-context.js'
import { audit } from '../../auth/auth-audit.js'
import type { Db } from '../../db/db-handle.js'
import { errors } from '../../http/errors.js'
import type { By } from './cms-service.js'
import { findImage } from './cms-store.js'
import { publishMedia, saveIdentity } from './publication-store.js'
import { publishing } from './site-version.js'

/**
 * Sets the site's accent colour and logo, live at once. The logo is an upload from the image
 * library (already re-encoded without metadata), copied to the site's media like a page's image.
 */
export async function setSiteIdentity(
  app: AppContext,
  db: Db,
  input: SiteIdentityInput,
  by: By,
): Promise<SiteIdentityView> {
  return publishing(app, db, async (trx) => {
    const now = app.now().toISOString()
    let logo: SiteIdentityView['logo'] = null
    if (input.logoImageId) {
      const image = await findImage(trx, input.logoImageId)
      if (!image)
        throw errors.validationFailed([{ path: 'logoImageId', key: 'field.invalid', params: {} }])
      await publishMedia(trx, {
        id: image.id,
        content_type: image.content_type,
        width: image.width,
        height: image.height,
        byte_size: image.byte_size,
        sha256: image.sha256,
        data: image.data,
        published_at: now,
      })
      logo = { id: image.id, width: image.width, height: image.height }
    }
    await saveIdentity(trx, {
      id: 'site',
      accent: input.accent?.toLowerCase() ?? null,
      logo_media_id: logo?.id ?? null,
      updated_at: now,
    })
    await audit(app, trx, {
      actorId: by.actorId,
      action: 'cms.identity_updated',
      entityType: 'SiteContent',
      requestId: by.requestId,
      details: { accent: input.accent, logo: logo !== null },
    })
    return { accent: input.accent?.toLowerCase() ?? null, logo }
  })
}
