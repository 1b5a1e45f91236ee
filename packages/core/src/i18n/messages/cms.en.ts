/** Website editing (CMS) messages for the staff app and API. */
export const cmsEn = {
  'error.slug_taken': 'Another document of this kind in this language already uses this address.',
  'error.translation_exists': 'This entry already has a version in that language.',
  'error.workflow_state':
    'This cannot be done in the document’s current state. Reload it to see where it stands.',
  'error.entry_live': 'Unpublish every language of this entry before deleting it.',
  'error.faq_group_in_use': 'Move the questions of this topic to another topic first.',
  'field.slug_format':
    'Use lowercase letters a–z, digits and single hyphens, such as “rice-distribution”.',
  'field.slug_reserved': 'This address is used by the site itself. Choose another.',
  'field.date_format': 'Use a date like 2006-03-31 (and a time like 2006-03-31T18:30).',
  'field.image_too_large': 'The image is larger than 8 MB. Send a smaller one.',
  'field.image_type': 'Use a JPEG or PNG image.',
  'field.image_dimensions': 'The image is too large (at most 12,000 pixels a side, 40 megapixels).',
  'field.image_unreadable':
    'The image could not be read. It may be damaged; try exporting it again.',
} as const
