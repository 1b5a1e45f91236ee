import type { CMS_ABILITIES } from '@haven/core/cms/cms-abilities'
import { can } from '../../auth/policy.js'
import { type AbilitiesOf, defineModule } from '../../haven-module.js'
import { cmsDemo } from './cms-demo.js'
import { cmsRoutes } from './cms-routes.js'
import { cmsStructureRoutes } from './cms-structure-routes.js'
import { startImageBackfill } from './image-backfill.js'
import { registerImageVariants } from './image-backfill-cli.js'
import { siteContentPolicy } from './site-content-policy.js'

/** The public website's editor: pages, news, reports, FAQ, navigation, images; publishing. */
export const cmsModule = defineModule({
  name: 'cms',
  routes: [...cmsRoutes, ...cmsStructureRoutes],
  policies: [siteContentPolicy],
  demo: cmsDemo,
  // Images uploaded before variants were stored get theirs, in the background.
  async start(app) {
    void startImageBackfill(app)
  },
  cli: registerImageVariants,
  async abilities(actor): Promise<AbilitiesOf<(typeof CMS_ABILITIES)[number]>> {
    return { editSite: can(actor, 'list', 'SiteContent', {}) }
  },
})

// What other modules may use: the annual report publishes a compiled year to Activity Reports.
export {
  type ActivityReportDocument,
  type ActivityReportPdf,
  publishActivityReport,
  publishActivityReportPdfs,
  republishActivityReport,
} from './activity-report-door.js'
// What other code may use: the door through which the annual report (for now, an editor) publishes
// the home page's impact figures, each passed through the disclosure engine.
export { disclosedValue, publishImpactFigures } from './impact-figures.js'
// Open-data files at stable addresses of the site (the exchange module's IATI files).
export {
  type OpenDataFile,
  publishedOpenData,
  publishOpenData,
  withdrawOpenData,
} from './open-data-door.js'
// The detained module puts an approved campaign page on the site, and takes it off.
export {
  publishSiteCampaign,
  type SiteCampaign,
  withdrawSiteCampaign,
} from './site-campaign-door.js'
// The network module publishes an event it recorded as a news page with Event JSON-LD.
export {
  publishSiteEvent,
  republishSiteEvent,
  type SiteEventDocument,
} from './site-event-door.js'
