import { defineAppModule, homePanel, page } from '../../lib/app-module.js'
import { peopleListEarly } from './people-list-query.js'

/** People, their cases and incidents, follow-ups and the retention review. */
export const peopleApp = defineAppModule({
  name: 'people',
  pages: [
    page(
      '/app/people',
      () => import('./people-list.js').then((m) => m.PeopleList),
      peopleListEarly,
      'first',
    ),
    page('/app/people/new', () => import('./person-new.js').then((m) => m.PersonNew)),
    page('/app/people/:id', () => import('./person-page.js').then((m) => m.PersonPage)),
    page('/app/cases', () => import('./cases-list.js').then((m) => m.CasesList)),
    page('/app/cases/new', () => import('./case-new.js').then((m) => m.CaseNew)),
    page('/app/cases/:id', () => import('./case-page.js').then((m) => m.CasePage)),
    page('/app/follow-ups', () => import('./overdue-page.js').then((m) => m.OverduePage)),
    page('/app/incidents', () => import('./incidents-page.js').then((m) => m.IncidentsPage)),
    page('/app/retention', () => import('./retention-page.js').then((m) => m.RetentionPage)),
  ],
  nav: [
    { href: '/app/people', label: 'nav.people', shows: (can) => can.workCases },
    { href: '/app/cases', label: 'nav.cases', shows: (can) => can.workCases },
    { href: '/app/incidents', label: 'nav.incidents', shows: (can) => can.workCases },
    { href: '/app/follow-ups', label: 'nav.follow_ups', shows: (can) => can.workCases },
  ],
  notificationLinks: {
    case_assigned: (id) => `/app/cases/${encodeURIComponent(id)}`,
  },
  homePanels: [
    homePanel(
      () => import('./work-queue.js').then((m) => m.WorkQueue),
      (can) => can.workCases,
    ),
    // Coordinators (who review retention) balance the load between caseworkers.
    homePanel(
      () => import('./work-queue.js').then((m) => m.Caseload),
      (can) => can.reviewRetention,
    ),
  ],
})
