/** The annual activity report's messages for the staff app and API. */
export const reportEn = {
  'error.report_exists': 'This fiscal year already has a report. Open it instead.',
  'error.report_published':
    'This report is published and its figures are frozen. A correction is a new release.',
  'error.report_unknown_figure':
    'The template names figures Haven does not offer: {figures}. Check the spelling against the figure list.',
  'error.report_figure_no_data':
    'These figures have no records for FY{year}: {figures}. Remove them or record the data first.',
  'error.report_own_approval':
    'You edited this text last, so someone else must approve it (two approvers, neither the last editor).',
  'error.report_already_approved': 'You have already approved this version of the report.',
  'error.report_needs_approvals':
    'Two people must approve this version before it is published ({approvals} so far).',
  'error.report_figure_invalid':
    'A figure cannot be protected as it stands ({problem}): {detail} Correct the records or the template; nothing was published.',
  'error.report_refused':
    'The disclosure review refuses this report: resolve its findings (see the review) before publishing.',
  'field.report_nothing_to_change': 'Change the English or the Japanese text.',
  'nav.report': 'Annual report',
} as const
