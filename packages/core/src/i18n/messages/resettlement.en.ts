/** Resettlement pathways: routes, stages, their field problems and errors. */
export const resettlementEn = {
  'field.country_code': 'Give the country as a two-letter code, like JP or KR.',
  'field.coarse_date_format': 'Use a month (2006-03) or a year (2006): never a day.',
  'field.coarse_date_precision':
    'The date does not match its precision (a month is 2006-03, a year 2006).',
  'field.route_needs_country': 'Name the country of the consulate or the third country.',
  'field.route_no_country': 'Only a consulate or third-country route names a country.',
  'field.resettled_needs_country': 'Give the country the person was resettled in.',
  'field.country_only_resettled': 'A country is recorded only when the person is resettled.',
  'field.stage_unchanged': 'The pathway is already at this stage.',
  'field.stage_before_previous': 'This is before the stage it follows.',
  'field.case_not_resettlement': 'Only a resettlement case has a pathway.',
  'field.case_closed': 'This case is closed: reopen it first.',
  'field.not_resettlement_compartment':
    'A pathway is kept in a resettlement (programme) compartment, not with the case.',

  'field.month_format': 'Use a month, like 2006-03.',
  'field.case_not_return': 'Only a return case has a request to return.',

  'error.return_exists': 'This case already has a request to return: open it instead.',
  'error.return_wrong_step':
    'This step does not follow where the request stands (it is {status}). Nothing was changed; reload it.',
  'error.pathway_exists': 'This case already has a resettlement pathway: open it instead.',

  'nav.resettlement': 'Resettlement',

  'resettlement.route.unhcr': 'UNHCR',
  'resettlement.route.consulate': 'Consulate or embassy',
  'resettlement.route.underground': 'Underground route',
  'resettlement.route.third_country': 'Third country',
  'resettlement.route.other': 'Other',

  'resettlement.stage.intake': 'Intake',
  'resettlement.stage.protection_requested': 'Protection requested',
  'resettlement.stage.under_protection': 'Under protection',
  'resettlement.stage.in_transit': 'In transit',
  'resettlement.stage.arrived': 'Arrived',
  'resettlement.stage.resettled': 'Resettled',
  'resettlement.stage.follow_up': 'Follow-up',

  'resettlement.title': 'Resettlement pathways',
  'resettlement.intro':
    'Only the route and the stage are kept, with a month or a year: never a place, a map or a description of the journey.',
  'resettlement.none': 'No pathways match.',
  'resettlement.count': '{count, plural, one {# pathway} other {# pathways}}',
  'resettlement.filter_route': 'Route',
  'resettlement.filter_stage': 'Stage',
  'resettlement.any': 'Any',
  'resettlement.case': 'Case',
  'resettlement.person': 'Person',
  'resettlement.route': 'Route',
  'resettlement.stage': 'Stage',
  'resettlement.since': 'Since',
  'resettlement.country': 'Country',
  'resettlement.previous': 'Previous page',
  'resettlement.next': 'Next page',
  'resettlement.page': 'Showing {from}–{to} of {total}',
  'resettlement.back': 'All pathways',
  'resettlement.history': 'Stages',
  'resettlement.recorded': 'Recorded',
  'resettlement.move': 'Move to another stage',
  'resettlement.move_submit': 'Save the stage',
  'resettlement.cancel': 'Cancel',
  'resettlement.on': 'When',
  'resettlement.on_hint': 'A month (2006-03) or a year (2006).',
  'resettlement.moved': 'Moved to “{stage}”.',
  'resettlement.open': 'Open a resettlement pathway',
  'resettlement.open_intro':
    'Record only the route and the month or year of intake. The pathway is kept in the case’s restricted compartment.',
  'resettlement.intake_on': 'Intake (when)',
  'resettlement.open_submit': 'Open the pathway',
} as const
