import { defineAppModule, homePanel, page } from '../../lib/app-module.js'

/** Messages from the public site's forms, for those granted an inbox compartment. */
export const inboxApp = defineAppModule({
  name: 'inbox',
  pages: [
    page('/app/inbox', () => import('./inbox-list.js').then((m) => m.InboxList)),
    page('/app/inbox/:id', () => import('./inbox-message.js').then((m) => m.InboxMessage)),
  ],
  nav: [
    {
      href: '/app/inbox',
      label: 'nav.inbox',
      group: 'organisation',
      shows: (can) => can.readInbox,
    },
  ],
  homePanels: [
    homePanel(
      () => import('./inbox-home.js').then((m) => m.InboxHome),
      (can) => can.readInbox,
    ),
  ],
})
