/**
 * The menu's words for every module: the shell shows them on every screen, so they travel with the
 * first part of the catalog (catalog-first) rather than with each module's own messages.
 */
export const menuEn = {
  'nav.report_policy': 'Disclosure policy',
  'nav.classes': 'Classes',
  'nav.detained': 'Detained workers',
  'nav.import': 'Import',
  'nav.publish_iati': 'IATI',
  'field.nav': 'Field app',
  'field.review.nav': 'Field review',
  'nav.finance': 'Finance',
  'nav.treatments': 'Treatments',
  'nav.network': 'Partners',
  'nav.report': 'Annual report',
  'nav.resettlement': 'Resettlement',
  'nav.returns': 'Returns',
  'nav.shelters': 'Shelters',
  'nav.notifications': 'Notifications',
  'nav.notifications_unread': ' unread',
  'nav.sponsorship': 'Sponsorship',
  'nav.distributions': 'Distributions',
  'nav.dashboard': 'Dashboard',
  'nav.allowances': 'Policies and rates',
  'nav.supplies': 'Stock',
  'nav.handouts': 'Clothes and kits',
  'keys.title': 'Keys and shredding',
  'nav.volunteers': 'Volunteers',
} as const
