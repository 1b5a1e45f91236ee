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
  'report.title': 'Annual activity report',
  'report.intro':
    'Each fiscal year’s report is written in English and Japanese with figure placeholders; every figure passes the disclosure engine, two editors approve, and publishing puts it on the website’s Activity Reports.',
  'report.list': 'Reports by fiscal year',
  'report.none': 'No report has been started yet.',
  'report.count': '{count, plural, one {# report} other {# reports}}',
  'report.fiscal_year': 'Fiscal year',
  'report.fiscal_year_hint': 'The year it starts in: 2005 is April 2005 to March 2006.',
  'report.status': 'Status',
  'report.status.draft': 'Draft',
  'report.status.review': 'In review',
  'report.status.published': 'Published',
  'report.version': 'Version',
  'report.version_n': 'version {version}',
  'report.updated': 'Last change',
  'report.new': 'Start a year’s report',
  'report.create': 'Start the report',
  'report.figures': 'Figures you can use',
  'report.figures_intro':
    'Type a placeholder into the text; the published report shows the figure as the disclosure engine allows.',
  'report.figures_count': '{count, plural, one {# figure} other {# figures}}',
  'report.placeholder': 'Placeholder',
  'report.figure': 'Figure',
  'report.module': 'From',
  'report.sensitivity': 'Sensitivity',
  'report.year_title': 'Annual report {label}',
  'report.back': 'All reports',
  'report.submit': 'Send to review',
  'report.submitted': 'Sent to review.',
  'report.approve': 'Approve this version',
  'report.approved': 'Approved.',
  'report.approved_by_you': 'You approved this version',
  'report.approvals': '{count, plural, one {# of 2 approvals} other {# of 2 approvals}}',
  'report.publish': 'Publish',
  'report.published': 'Published: the figures are frozen.',
  'report.published_at': 'Published {at}.',
  'report.site_en': 'On the website (English)',
  'report.site_ja': 'On the website (Japanese)',
  'report.review': 'Disclosure review (private)',
  'report.review_safe': 'The disclosure engine allows every figure as shown in the public columns.',
  'report.review_refused':
    'The disclosure engine refuses this report: resolve the findings below before publishing.',
  'report.review_count': '{count, plural, one {# figure value} other {# figure values}}',
  'report.true_value': 'True value',
  'report.public_en': 'Public (English)',
  'report.public_ja': 'Public (Japanese)',
  'report.rules': 'Rules applied',
  'report.total': 'total',
  'report.preview': 'The report as the public will read it',
  'report.templates': 'Text',
  'report.edit': 'Edit the text',
  'report.template_en': 'English text (Markdown)',
  'report.template_ja': 'Japanese text (Markdown)',
  'report.template_hint':
    'Figures as {{figure.key}} (see the figure list), the year as {{year}}. Editing a report in review returns it to draft.',
  'report.save': 'Save the text',
  'report.saved': 'Saved.',
  'report.sensitivity.people-protected': 'Protected people',
  'report.sensitivity.people-served': 'People served',
  'report.sensitivity.quantity': 'Quantity',
  'report.sensitivity.money': 'Money',
  'report.pdf_charts': 'Figures in charts',
  'report.yoy_title': 'Compared with FY{previous}',
  'report.yoy_figure': 'Figure',
  'report.download_pdf': 'PDF ({language})',
  'error.report_narrative_contradiction':
    'The narrative states figures the records contradict: {texts}. Correct the text or the records; the review shows the arithmetic.',
  'report.narrative': 'Numbers typed in the narrative',
  'report.narrative_none': 'No typed quantity to check against the records.',
  'report.narrative_contradiction': 'Contradicts the records — blocks approval',
  'report.narrative_consistent': 'Agrees with the records',
  'report.corrected_note': 'Corrected on {date}.',
  'error.report_policy_invalid':
    'The disclosure engine cannot apply this policy: {problems}. Nothing was saved.',
  'error.report_dangerous_number':
    'The report would publish {numbers}, on the organisation’s list of numbers never to publish ({figures}). Change the template or the policy; nothing was published.',
  'report.policy_title': 'Disclosure policy',
  'report.policy_intro':
    'What the organisation may publish about the people it works with: every annual report is compiled under this policy. Counts below a threshold are never shown as numbers; the review shows how each figure is protected.',
  'report.policy_threshold_protected': 'Smallest count of protected people shown as a number (k)',
  'report.policy_threshold_protected_hint':
    'People at risk (rescues, resettlement, detained aid workers). A smaller count is shown in words (“several”) or withheld.',
  'report.policy_threshold_served': 'Smallest count of people served shown as a number (k)',
  'report.policy_threshold_served_hint':
    'People fed, children sponsored, patients. A smaller count is shown in words.',
  'report.policy_rounding': 'Round counts of people served to a multiple of',
  'report.policy_rounding_hint':
    'Leave empty to publish them exactly. Counts of protected people are never rounded: suppression protects them.',
  'report.policy_rounding_none': 'Not rounded',
  'report.policy_numbers': 'Numbers never to publish',
  'report.policy_numbers_hint':
    'Whole numbers separated by spaces or commas, such as a count the authorities are known to hold. A report that would show one cannot be approved.',
  'report.policy_numbers_invalid':
    'Write whole numbers only, separated by spaces or commas: “{text}” is not one.',
  'report.policy_numbers_none': 'None',
  'report.policy_save': 'Save the policy',
  'report.policy_saved': 'Saved. Reports compiled from now on apply it.',
  'report.policy_version': 'Version {version}, changed {at}.',
  'report.policy_defaults': 'The defaults apply: nobody has changed this policy yet.',
  'report.policy_secret': 'Rounding secret',
  'report.policy_secret_value': 'Version {version} (public name {fingerprint}), made {at}.',
  'report.policy_secret_hint':
    'Decides which way each rounded count goes, the same in every release, so comparing releases cannot undo the rounding.',
  'report.policy_rotate': 'Replace the rounding secret',
  'report.policy_rotated': 'Replaced: later releases round under the new secret.',
  'report.policy_read_only': 'Only administrators change this policy; editors apply it.',
  'report.policy_link': 'The disclosure policy these reports follow',
  'report.correct': 'Correct this report',
  'report.correct_reason': 'Why it needs correcting',
  'report.correct_reason_hint':
    'Kept with the report for its editors and approvers. The public page says only that it was corrected, and when.',
  'report.correct_start': 'Return it to draft for correction',
  'report.correct_started':
    'The correction is a draft: edit the text, send it to review; two approve it before it is published as a new release.',
  'report.correction_of': 'Correction {correction}: {reason}',
  'report.cancel': 'Cancel',
  'report.check_date_inside': '{date} is within FY{label} ({from} – {to}).',
  'report.check_date_outside':
    '{date} is outside FY{label} ({from} – {to}): the report covers that year only.',
  'report.check_sum_agrees': 'The parts add up: {parts} = {sum}, the total stated.',
  'report.check_sum_differs':
    'The parts do not add up: {parts} = {sum}, but the total stated is {total}.',
  'report.check_monthly_agrees':
    'Stated {monthly} a month × 12 = {yearly} a year; from the records ({figure}): {recorded}. They agree.',
  'report.check_monthly_differs':
    'Stated {monthly} a month × 12 = {yearly} a year; from the records ({figure}): {recorded}, which is {ratio} times that.',
  'report.check_flow_agrees':
    'Stated from {statedStart} to {statedEnd}; from the records ({flow}): {start} at the start + {in} in − {out} out = {end} at the end. They agree.',
  'report.check_flow_differs':
    'Stated from {statedStart} to {statedEnd}, but the records ({flow}) give {start} at the start + {in} in − {out} out = {end} at the end.',
  'report.check_flow_unbalanced':
    'The records ({flow}) do not balance: {start} at the start + {in} in − {out} out = {sum}, but {end} are counted at the end.',
} as const
