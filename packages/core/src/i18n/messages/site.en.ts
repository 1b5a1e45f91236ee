/** Public website messages. English is the reference; the Japanese file must have the same keys. */
export const siteEn = {
  'site.name': 'Haven',
  'site.tagline': 'Protection and aid for refugees, with care for their safety.',
  'site.donate.button': 'Donate',
  'site.search.header_label': 'Search',
  'site.search.go': 'Go',
  'site.footer.more': 'More',
  'site.nav_label': 'Main',
  'site.nav.home': 'Home',
  'site.nav.news': 'Current situation',
  'site.nav.reports': 'Activity reports',
  'site.nav.faq': 'FAQ',
  'site.nav.get_involved': 'Get involved',
  'site.nav.campaigns': 'Detained aid workers',
  'site.nav.contact': 'Contact us',
  'site.nav.search': 'Search',
  'site.lang_switch.missing':
    'This page has not been translated into English; the link goes to the English home page.',
  'site.footer.privacy':
    'This site sets no cookies for tracking and loads nothing from other sites.',
  'site.feed.title': '{name}: current situation',
  'site.feed.link': 'News feed (Atom)',

  'site.home.impact': 'Our work in FY{year}',
  'site.home.title': 'Welcome',
  'site.home.lead':
    'This site is being prepared. Our pages about our work, the current situation and our activity reports will appear here.',
  'site.home.latest_news': 'Latest news',
  'site.home.all_news': 'All news and articles',
  'site.home.latest_report': 'Latest activity report',

  'site.news.title': 'Current situation',
  'site.news.title_page': 'Current situation (page {page})',
  'site.news.lead': 'News and articles about the people we protect and our work, newest first.',
  'site.news.empty': 'Nothing has been published here yet.',
  'site.news.back': 'All news and articles',

  'site.reports.title': 'Activity reports',
  'site.reports.lead': 'What we did each fiscal year, and what it cost.',
  'site.reports.empty': 'No report has been published yet.',
  'site.reports.fiscal_year': 'Fiscal year {years}',
  'site.reports.published': 'Published {date}',
  'site.reports.print_hint':
    'To keep a copy, use your browser’s Print command: menus and links are left out of the printout.',
  'site.reports.back': 'All activity reports',
  'site.reports.pdf': 'The report as a PDF ({size})',

  'site.faq.title': 'Frequently asked questions',
  'site.faq.lead': 'Answers to the questions people ask us most, grouped by topic.',
  'site.faq.topics': 'Topics',
  'site.faq.other': 'Other questions',
  'site.faq.empty': 'No questions have been published yet.',
  'site.faq.more': 'Did not find your answer?',

  'site.kind.page': 'Page',
  'site.kind.news': 'News',
  'site.kind.report': 'Activity report',
  'site.kind.faq': 'FAQ',

  'site.event.when': 'When',
  'site.event.where': 'Where',
  'site.event.at': '{date}, {time}',
  'site.event.same_day': '{date}, {from} – {to}',
  'site.event.range': '{from} – {to}',

  'site.pager.label': 'Pages',
  'site.pager.previous': 'Newer',
  'site.pager.next': 'Older',
  'site.pager.position': 'Page {page} of {pages}',

  'site.search.title': 'Search this website',
  'site.search.title_for': 'Search: {query}',
  'site.search.description': 'Search every page of this website.',
  'site.search.label': 'Search this website',
  'site.search.submit': 'Search',
  'site.search.only_this_language': 'Only pages in {language}',
  'site.search.too_short': 'Type a word of at least two letters (one kanji or kana is enough).',
  'site.search.none':
    'Nothing was found for “{query}”. Try another word, or search every language.',
  'site.search.count': '{count, plural, one {# result} other {# results}} for “{query}”',

  'site.form.required': 'required',
  'site.form.problems': 'Please check the form',
  'site.form.trap': 'Leave this field empty',
  'site.form.too_fast': 'Almost there: please check your message and press Send once more.',
  'site.form.expired':
    'This form was open for a long time or has expired. Please check it and send it again.',
  'site.form.rate_limited':
    'Many messages were sent from your connection recently. Please try again in {minutes, plural, one {# minute} other {# minutes}}; what you wrote is still below.',
  'site.form.too_large': 'The form is too long. Please shorten your message and send it again.',

  'site.contact.title': 'Contact us',
  'site.contact.lead':
    'Write to us in Korean, Chinese, Japanese or English. Only the message is required.',
  'site.contact.safety_title': 'Your safety',
  'site.contact.safety':
    'Your message is encrypted as soon as it reaches us, and only the few staff members who answer messages can read it. You do not have to give your name. If someone else may see this device, use a private window and leave out details you would not want them to see.',
  'site.contact.message': 'Your message',
  'site.contact.name': 'Your name',
  'site.contact.name_hint': 'Optional. Any name you like.',
  'site.contact.reply_to': 'How can we reply?',
  'site.contact.reply_to_hint':
    'Optional: an email address or another way to reach you. Without it we cannot answer.',
  'site.contact.reply_language': 'Language for our reply',
  'site.contact.language_other': 'Other / no preference',
  'site.contact.submit': 'Send message',

  'site.apply.title': 'Get involved',
  'site.apply.lead':
    'We welcome volunteers and interns, especially people fluent in Chinese or Korean.',
  'site.apply.form_title': 'Apply as a volunteer or intern',
  'site.apply.kind': 'I would like to help as',
  'site.apply.kind_volunteer': 'a volunteer',
  'site.apply.kind_intern': 'an intern',
  'site.apply.name': 'Your name',
  'site.apply.reply_to': 'How can we reach you?',
  'site.apply.reply_to_hint': 'An email address, or another way to contact you.',
  'site.apply.languages': 'Languages you speak well',
  'site.apply.other_languages': 'Other languages',
  'site.apply.skills': 'Skills and experience',
  'site.apply.skills_hint': 'For example translation, teaching, medicine, law, accounting, IT.',
  'site.apply.availability': 'When can you help?',
  'site.apply.availability_hint':
    'For example “two evenings a week from May” or “full time, June to August”.',
  'site.apply.message': 'Anything else you would like to tell us',
  'site.apply.submit': 'Send application',

  'site.sent.contact_title': 'Thank you: your message has arrived',
  'site.sent.contact_body':
    'We read every message. If you told us how to reply, we will answer as soon as we can.',
  'site.sent.application_title': 'Thank you: your application has arrived',
  'site.sent.application_body': 'We will read it carefully and contact you in the coming weeks.',
  'site.sent.privacy':
    'What you sent was encrypted on arrival and can only be read by the staff members who answer messages.',

  'site.not_found.title': 'Page not found',
  'site.not_found.body':
    'There is no page at this address. It may have moved, or the link may have been mistyped.',
  'site.not_found.home': 'Go to the home page',
} as const
