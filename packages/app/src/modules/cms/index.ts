import { defineAppModule, page } from '../../lib/app-module.js'

/** The public website's editor; it loads only when opened, so field workers never download it. */
export const cmsApp = defineAppModule({
  name: 'cms',
  pages: [
    page('/app/cms', () => import('./cms-home.js').then((m) => m.CmsHome)),
    page('/app/cms/new', () => import('./entry-new.js').then((m) => m.EntryNew)),
    page('/app/cms/entries/:id', () => import('./entry-editor.js').then((m) => m.EntryEditor)),
    page('/app/cms/navigation', () =>
      import('./navigation-editor.js').then((m) => m.NavigationEditor),
    ),
    page('/app/cms/faq-topics', () => import('./faq-topics.js').then((m) => m.FaqTopics)),
    page('/app/cms/images', () => import('./image-library.js').then((m) => m.ImageLibrary)),
    page('/app/cms/look', () => import('./site-look.js').then((m) => m.SiteLook)),
    page('/app/cms/impact', () => import('./impact-figures.js').then((m) => m.ImpactFiguresPage)),
  ],
  nav: [
    { href: '/app/cms', label: 'nav.site', group: 'organisation', shows: (can) => can.editSite },
  ],
})
