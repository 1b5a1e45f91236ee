/** The education sponsorship plan: enrolments, schooling, sponsors and the year's flows. */
export const sponsorshipEn = {
  'role.sponsor_relations': 'Sponsor relations',
  'role.sponsor_relations.about':
    'Looks after sponsors: their contacts, pledges and letters. Knows children only by alias and age band, never by name, code or place.',

  'field.leave_reason_required': 'Say why the child left (choose a reason).',
  'field.reason_only_when_leaving': 'A reason is given only when a child leaves.',
  'field.other_reason_needs_note': 'Describe the reason in the note when it is “other”.',
  'field.ends_before_starts': 'The end is before the start.',
  'field.attended_over_possible': 'Days attended cannot be more than the days of school.',
  'field.before_last_change':
    'This date is before the enrolment’s last change (a child cannot leave before joining).',
  'field.no_enrolments_in_plan': 'No enrolment in this compartment is in the plan: nothing to end.',

  'error.already_enrolled':
    'This person is already enrolled in the plan. Re-open their enrolment instead of enrolling them again.',
  'error.enrolment_transition':
    'An enrolment that is “{from}” cannot become “{to}”. Nothing was changed.',
  'error.flows_do_not_reconcile':
    'The year’s flows do not add up for {count, plural, one {# enrolment} other {# enrolments}} ({enrolments}): their history must be corrected before the figures can be given.',
  'error.update_identifying':
    'The update may identify the child ({count, plural, one {# passage} other {# passages}}: a name, place, school or code). Rewrite those passages and review again.',
  'error.photo_not_confirmed':
    'Look at the photo and confirm it shows no face, place, sign or uniform before it can go further.',
  'error.second_person_required':
    'A second person must approve: not the one who wrote or reviewed this update.',
  'error.update_state': 'This update is “{status}”: that step is not possible now.',
  'letter.greeting': 'Dear friend ({code}),',
  'letter.age_line': '{alias} is in the age group {band}.',
  'letter.closing':
    'Thank you for standing by {alias}. With warm wishes from everyone in the education plan.',
} as const
