/** site messages. English is the reference; the Japanese file must have the same keys. */
export const siteEn = {
  'site.name': 'Haven',
  'site.tagline': 'Protection and aid for refugees, with care for their safety.',
  'site.nav_label': 'Main',
  'site.nav.home': 'Home',
  'site.nav.about': 'About us',
  'site.nav.activities': 'What we are doing',
  'site.nav.situation': 'Current situation',
  'site.nav.reports': 'Activity reports',
  'site.nav.faq': 'FAQ',
  'site.nav.contact': 'Contact us',
  'site.other_language': 'Read this page in {language}',
  'site.home.title': 'Welcome',
  'site.home.lead':
    'This site is being prepared. Our pages about our work, the current situation and our activity reports will appear here.',
  'site.footer.privacy': 'This site sets no tracking cookies and loads nothing from other sites.',
  'site.not_found.title': 'Page not found',
  'site.not_found.body': 'There is no page at this address. Try the home page.',

  // Staff app.,
} as const
