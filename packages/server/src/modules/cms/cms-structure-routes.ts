import {
  faqGroupOrderSchema,
  faqGroupSchema,
  IMAGE_MAX_BYTES,
  idParams,
  imageUploadSchema,
  navigationSchema,
} from '@haven/core/cms/cms-schemas'
import {
  faqGroupView,
  imageView as imageViewSchema,
  navigationView,
} from '@haven/core/cms/cms-views'
import { impactFiguresSchema, impactFiguresView } from '@haven/core/cms/impact-figures'
import { siteIdentitySchema, siteIdentityView } from '@haven/core/cms/site-identity'
import { z } from 'zod'
import { defineRoute } from '../../api/api-route.js'
import { errors } from '../../http/errors.js'
import { imageView } from './cms-presenters.js'
import { listImages } from './cms-store.js'
import { removeImage, uploadImage } from './image-service.js'
import { currentImpactFigures, publishImpactFigures } from './impact-figures.js'
import { findIdentity } from './publication-store.js'
import { setSiteIdentity } from './site-identity.js'
import {
  createFaqGroup,
  faqGroupViews,
  navigationView as loadNavigation,
  orderFaqGroups,
  removeFaqGroup,
  renameFaqGroup,
  setNavigation,
} from './site-structure-service.js'

const TAG = 'website'
const okView = z.object({ ok: z.literal(true) })

/** Navigation order, FAQ topics, the image library and the home page's impact figures. */
export const cmsStructureRoutes = [
  defineRoute({
    method: 'get',
    path: '/cms/identity',
    summary: "The site's accent colour and logo as editors last set them",
    tag: TAG,
    access: { kind: 'policy', entity: 'SiteContent', action: 'read' },
    response: siteIdentityView,
    async handle({ app }) {
      return findIdentity(app.database.db)
    },
  }),
  defineRoute({
    method: 'get',
    path: '/cms/impact-figures',
    summary: "The home page's impact figures as the public sees them, with their fiscal year",
    tag: TAG,
    access: { kind: 'policy', entity: 'SiteContent', action: 'read' },
    response: impactFiguresView,
    async handle({ app }) {
      return currentImpactFigures(app.database.db)
    },
  }),
  defineRoute({
    method: 'put',
    path: '/cms/identity',
    summary:
      "Set the site's accent colour (readable on white) and logo (from the image library); live at once",
    tag: TAG,
    access: { kind: 'policy', entity: 'SiteContent', action: 'manage' },
    body: siteIdentitySchema,
    response: siteIdentityView,
    errors: ['validationFailed'],
    async handle({ app, body, audit: by }) {
      return setSiteIdentity(app, app.database.db, body, by)
    },
  }),
  defineRoute({
    method: 'put',
    path: '/cms/impact-figures',
    summary:
      "Publish the home page's impact figures for one fiscal year, each through the disclosure engine; live at once",
    tag: TAG,
    access: { kind: 'policy', entity: 'SiteContent', action: 'manage' },
    body: impactFiguresSchema,
    response: impactFiguresView,
    errors: ['validationFailed', 'impactFiguresRefused'],
    async handle({ app, body, audit: by }) {
      return publishImpactFigures(app, app.database.db, body, by)
    },
  }),
  defineRoute({
    method: 'get',
    path: '/cms/navigation',
    summary: 'The main navigation of the public site, in order',
    tag: TAG,
    access: { kind: 'policy', entity: 'SiteContent', action: 'read' },
    response: navigationView,
    async handle({ app }) {
      return loadNavigation(app.database.db)
    },
  }),
  defineRoute({
    method: 'put',
    path: '/cms/navigation',
    summary: 'Set the main navigation (built-in sections and pages, in order); live at once',
    tag: TAG,
    access: { kind: 'policy', entity: 'SiteContent', action: 'manage' },
    body: navigationSchema,
    response: navigationView,
    errors: ['validationFailed'],
    async handle({ app, body, audit: by }) {
      await setNavigation(app, app.database.db, body.items, by)
      return loadNavigation(app.database.db)
    },
  }),
  defineRoute({
    method: 'get',
    path: '/cms/faq-groups',
    summary: 'FAQ topics in order, with their names in each language',
    tag: TAG,
    access: { kind: 'policy', entity: 'SiteContent', action: 'read' },
    response: z.array(faqGroupView),
    async handle({ app }) {
      return faqGroupViews(app.database.db)
    },
  }),
  defineRoute({
    method: 'post',
    path: '/cms/faq-groups',
    summary: 'Add an FAQ topic (last in order)',
    tag: TAG,
    access: { kind: 'policy', entity: 'SiteContent', action: 'manage' },
    body: faqGroupSchema,
    response: faqGroupView,
    successStatus: 201,
    errors: ['validationFailed'],
    async handle({ app, body, audit: by }) {
      const id = await createFaqGroup(app, app.database.db, body.names, by)
      const view = (await faqGroupViews(app.database.db)).find((g) => g.id === id)
      if (!view) throw errors.notFound()
      return view
    },
  }),
  defineRoute({
    method: 'put',
    path: '/cms/faq-groups/order',
    summary: 'Put the FAQ topics in this order (every topic, once)',
    tag: TAG,
    access: { kind: 'policy', entity: 'SiteContent', action: 'manage' },
    body: faqGroupOrderSchema,
    response: z.array(faqGroupView),
    errors: ['validationFailed'],
    async handle({ app, body, audit: by }) {
      await orderFaqGroups(app, app.database.db, body.ids, by)
      return faqGroupViews(app.database.db)
    },
  }),
  defineRoute({
    method: 'patch',
    path: '/cms/faq-groups/:id',
    summary: 'Rename an FAQ topic',
    tag: TAG,
    access: { kind: 'policy', entity: 'SiteContent', action: 'manage' },
    params: idParams,
    body: faqGroupSchema,
    response: faqGroupView,
    errors: ['notFound', 'validationFailed'],
    async handle({ app, params, body, audit: by }) {
      await renameFaqGroup(app, app.database.db, params.id, body.names, by)
      const view = (await faqGroupViews(app.database.db)).find((g) => g.id === params.id)
      if (!view) throw errors.notFound()
      return view
    },
  }),
  defineRoute({
    method: 'delete',
    path: '/cms/faq-groups/:id',
    summary: 'Delete an FAQ topic that has no questions',
    tag: TAG,
    access: { kind: 'policy', entity: 'SiteContent', action: 'manage' },
    params: idParams,
    response: okView,
    errors: ['notFound', 'faqGroupInUse'],
    async handle({ app, params, audit: by }) {
      await removeFaqGroup(app, app.database.db, params.id, by)
      return { ok: true as const }
    },
  }),
  defineRoute({
    method: 'get',
    path: '/cms/images',
    summary: 'Uploaded images, newest first, with thumbnails',
    tag: TAG,
    access: { kind: 'policy', entity: 'SiteContent', action: 'list' },
    response: z.array(imageViewSchema),
    async handle({ app }) {
      return (await listImages(app.database.db)).map(imageView)
    },
  }),
  defineRoute({
    method: 'post',
    path: '/cms/images',
    summary: 'Upload a JPEG or PNG (base64); it is re-encoded and stripped of all metadata',
    tag: TAG,
    access: { kind: 'policy', entity: 'SiteContent', action: 'create' },
    // The image travels base64-encoded inside JSON: a third larger than the file.
    bodyLimitBytes: Math.ceil((IMAGE_MAX_BYTES * 4) / 3) + 64 * 1024,
    body: imageUploadSchema,
    response: imageViewSchema,
    successStatus: 201,
    errors: ['validationFailed', 'payloadTooLarge'],
    async handle({ app, body, audit: by }) {
      return imageView(await uploadImage(app, app.database.db, body, by))
    },
  }),
  defineRoute({
    method: 'delete',
    path: '/cms/images/:id',
    summary: 'Remove an image from the library (published pages keep their copy)',
    tag: TAG,
    access: { kind: 'policy', entity: 'SiteContent', action: 'delete' },
    params: idParams,
    response: okView,
    errors: ['notFound'],
    async handle({ app, params, audit: by }) {
      await removeImage(app, app.database.db, params.id, by)
      return { ok: true as const }
    },
  }),
]
