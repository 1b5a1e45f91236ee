import type { FieldIssue } from '@haven/core/validation/field-issues'
import { HavenError } from './haven-error.js'

/** A name in each language a message may be written in. */
export interface InWords {
  en: string
  ja: string
}

/**
 * Every error the HTTP layer answers with, as factories with stable codes. Handlers throw
 * these; nothing else reaches a client (unexpected exceptions become `internal_error`).
 */
export const errors = {
  invalidJson: () => new HavenError(400, 'invalid_json', 'error.invalid_json'),
  unsupportedMediaType: () =>
    new HavenError(415, 'unsupported_media_type', 'error.unsupported_media_type'),
  payloadTooLarge: (limit = '') =>
    new HavenError(413, 'payload_too_large', 'error.payload_too_large', { limit }),
  notFound: () => new HavenError(404, 'not_found', 'error.not_found'),
  methodNotAllowed: (method = '', allowed: readonly string[] = []) =>
    new HavenError(
      405,
      'method_not_allowed',
      'error.method_not_allowed',
      { method, allowed: allowed.join(', ') },
      [],
      { headers: { Allow: allowed.join(', ') } },
    ),
  validationFailed: (fields: readonly FieldIssue[] = []) =>
    new HavenError(422, 'validation_failed', 'error.validation_failed', {}, fields),
  unauthenticated: () => new HavenError(401, 'unauthenticated', 'error.unauthenticated'),
  forbidden: () => new HavenError(403, 'forbidden', 'error.forbidden'),
  crossSiteRequest: () => new HavenError(403, 'cross_site_request', 'error.cross_site_request'),
  rateLimited: (seconds = 60) =>
    new HavenError(429, 'rate_limited', 'error.rate_limited', { seconds }, [], {
      headers: { 'Retry-After': String(seconds) },
    }),
  reauthRequired: () => new HavenError(403, 'reauth_required', 'error.reauth_required'),
  secondFactorRequired: () =>
    new HavenError(403, 'second_factor_required', 'error.second_factor_required'),
  enrollmentRequired: () =>
    new HavenError(
      403,
      'second_factor_enrollment_required',
      'error.second_factor_enrollment_required',
    ),
  invalidCredentials: () => new HavenError(401, 'invalid_credentials', 'error.invalid_credentials'),
  invalidSecondFactor: () =>
    new HavenError(401, 'invalid_second_factor', 'error.invalid_second_factor'),
  linkInvalid: () => new HavenError(410, 'link_invalid', 'error.link_invalid'),
  passkeyFailed: () => new HavenError(400, 'passkey_failed', 'error.passkey_failed'),
  lastAdministrator: () => new HavenError(409, 'last_administrator', 'error.last_administrator'),
  grantExists: () => new HavenError(409, 'grant_exists', 'error.grant_exists'),
  compartmentCodeTaken: () =>
    new HavenError(409, 'compartment_code_taken', 'error.compartment_code_taken', {}, [
      { path: 'code', key: 'error.compartment_code_taken', params: {} },
    ]),
  roleNotForCompartment: () =>
    new HavenError(422, 'role_not_for_compartment', 'error.role_not_for_compartment', {}, [
      { path: 'compartmentId', key: 'error.role_not_for_compartment', params: {} },
    ]),
  totpExists: () => new HavenError(409, 'totp_exists', 'error.totp_exists'),
  noSecondFactor: () => new HavenError(409, 'no_second_factor', 'error.no_second_factor'),
  versionConflict: (details: Record<string, unknown> = {}) =>
    new HavenError(409, 'version_conflict', 'error.version_conflict', {}, [], { details }),
  compartmentMismatch: () =>
    new HavenError(422, 'compartment_mismatch', 'error.person_compartment_mismatch'),
  /** The chosen assignee holds no caseworker or coordinator role where the case is. */
  assigneeNotInCompartment: () =>
    new HavenError(422, 'assignee_not_in_compartment', 'error.assignee_not_in_compartment', {}, [
      { path: 'assigneeId', key: 'error.assignee_not_in_compartment', params: {} },
    ]),
  consentRequired: () => new HavenError(422, 'consent_required', 'error.consent_required'),
  attachmentType: () => new HavenError(415, 'attachment_type', 'error.attachment_type'),
  recordFrozen: () => new HavenError(423, 'record_frozen', 'error.record_frozen'),
  mergeSame: () => new HavenError(422, 'merge_same', 'error.merge_same'),
  shelterFull: (capacity = 0) =>
    new HavenError(409, 'shelter_full', 'error.shelter_full', { capacity }),
  alreadyResident: () =>
    new HavenError(409, 'already_resident', 'error.already_resident', {}, [
      { path: 'personId', key: 'error.already_resident', params: {} },
    ]),
  shelterClosed: () => new HavenError(409, 'shelter_closed', 'error.shelter_closed'),
  shelterCompromised: () => new HavenError(409, 'shelter_compromised', 'error.shelter_compromised'),
  shelterNotCompromised: () =>
    new HavenError(409, 'shelter_not_compromised', 'error.shelter_not_compromised'),
  serviceUnavailable: () => new HavenError(503, 'service_unavailable', 'error.service_unavailable'),
  setupTokenInvalid: () => new HavenError(410, 'setup_token_invalid', 'error.setup_token_invalid'),
  setupAlreadyDone: () => new HavenError(409, 'setup_already_done', 'error.setup_already_done'),
  sealed: () => new HavenError(503, 'sealed', 'error.sealed'),
  rotationRunning: () => new HavenError(409, 'rotation_running', 'error.rotation_running'),
  deviceRevoked: () => new HavenError(410, 'device_revoked', 'error.device_revoked'),
  fieldChangeRefused: (code = '') =>
    new HavenError(409, 'field_change_refused', 'error.field_change_refused', { code }),
  keysDestroyed: () => new HavenError(409, 'keys_destroyed', 'error.keys_destroyed'),
  blindIndexMissing: () => new HavenError(409, 'blind_index_missing', 'error.blind_index_missing'),
  confirmationMismatch: () =>
    new HavenError(422, 'confirmation_mismatch', 'error.confirmation_mismatch', {}, [
      { path: 'confirmCode', key: 'error.confirmation_mismatch', params: {} },
    ]),
  conflict: () => new HavenError(409, 'conflict', 'error.conflict'),
  /** The item and the place are named in each language (English name, Japanese if given). */
  insufficientStock: (
    params: { available: string; asked: string; item: InWords; location: InWords } = {
      available: '',
      asked: '',
      item: { en: '', ja: '' },
      location: { en: '', ja: '' },
    },
  ) => {
    const base = {
      available: params.available,
      asked: params.asked,
      item: params.item.en,
      location: params.location.en,
    }
    return new HavenError(
      409,
      'insufficient_stock',
      'error.insufficient_stock',
      base,
      [{ path: 'quantity', key: 'error.insufficient_stock', params: base }],
      { inLocale: { ja: { item: params.item.ja, location: params.location.ja } } },
    )
  },
  locationHoldsNoStock: () =>
    new HavenError(422, 'location_holds_no_stock', 'error.location_holds_no_stock', {}, [
      { path: 'fromLocationId', key: 'error.location_holds_no_stock', params: {} },
    ]),
  dailyCapReached: (
    params: { cap: number; already: number; day: string } = { cap: 0, already: 0, day: '' },
    mayOverride = false,
  ) =>
    new HavenError(409, 'daily_cap_reached', 'error.daily_cap_reached', params, [], {
      details: { ...params, mayOverride },
    }),
  monthlyBudgetReached: (
    params: { cap: string; spent: string; asked: string } = { cap: '', spent: '', asked: '' },
    mayOverride = false,
  ) =>
    new HavenError(409, 'monthly_budget_reached', 'error.monthly_budget_reached', params, [], {
      details: { ...params, mayOverride },
    }),
  policyOverlap: (params: { from: string; to: string } = { from: '', to: '' }) =>
    new HavenError(409, 'policy_overlap', 'error.policy_overlap', params, [
      { path: 'validFrom', key: 'error.policy_overlap', params },
    ]),
  noAllowancePolicy: (params: { day: string } = { day: '' }) =>
    new HavenError(422, 'no_allowance_policy', 'error.no_allowance_policy', params, [
      { path: 'day', key: 'error.no_allowance_policy', params },
    ]),
  noExchangeRate: (
    params: { from: string; to: string; day: string } = { from: '', to: '', day: '' },
  ) => new HavenError(422, 'no_exchange_rate', 'error.no_exchange_rate', params),
  personNotInCompartment: () =>
    new HavenError(422, 'person_not_in_compartment', 'error.person_not_in_compartment', {}, [
      { path: 'personCode', key: 'error.person_not_in_compartment', params: {} },
    ]),
  eventPublished: () => new HavenError(409, 'event_published', 'error.event_published'),
  slugTaken: () =>
    new HavenError(409, 'slug_taken', 'error.slug_taken', {}, [
      { path: 'slug', key: 'error.slug_taken', params: {} },
    ]),
  translationExists: () =>
    new HavenError(409, 'translation_exists', 'error.translation_exists', {}, [
      { path: 'locale', key: 'error.translation_exists', params: {} },
    ]),
  workflowState: () => new HavenError(409, 'workflow_state', 'error.workflow_state'),
  entryLive: () => new HavenError(409, 'entry_live', 'error.entry_live'),
  faqGroupInUse: () => new HavenError(409, 'faq_group_in_use', 'error.faq_group_in_use'),
  /** Impact figures that, with what was published before, would reveal a small count. */
  impactFiguresRefused: (params: { figures: string } = { figures: '' }) =>
    new HavenError(422, 'impact_figures_refused', 'error.impact_figures_refused', params, [], {
      details: params,
    }),
  loginNameTaken: () =>
    new HavenError(409, 'login_name_taken', 'error.login_name_taken', {}, [
      { path: 'loginName', key: 'error.login_name_taken', params: {} },
    ]),
  alreadyEnrolled: () =>
    new HavenError(409, 'already_enrolled', 'error.already_enrolled', {}, [
      { path: 'personId', key: 'error.already_enrolled', params: {} },
    ]),
  enrolmentTransition: (params: { from: string; to: string } = { from: '', to: '' }) =>
    new HavenError(409, 'enrolment_transition', 'error.enrolment_transition', params),
  flowsDoNotReconcile: (enrolments: readonly string[] = []) =>
    new HavenError(
      409,
      'flows_do_not_reconcile',
      'error.flows_do_not_reconcile',
      { count: enrolments.length, enrolments: enrolments.join(', ') },
      [],
      { details: { enrolments } },
    ),
  updateIdentifying: (findings: readonly { kind: string; at: number; length: number }[] = []) =>
    new HavenError(
      422,
      'update_identifying',
      'error.update_identifying',
      { count: findings.length },
      [{ path: 'text', key: 'error.update_identifying', params: { count: findings.length } }],
      { details: { findings } },
    ),
  photoNotConfirmed: () =>
    new HavenError(422, 'photo_not_confirmed', 'error.photo_not_confirmed', {}, [
      { path: 'photoConfirmed', key: 'error.photo_not_confirmed', params: {} },
    ]),
  secondPersonRequired: () =>
    new HavenError(409, 'second_person_required', 'error.second_person_required'),
  updateState: (params: { status: string } = { status: '' }) =>
    new HavenError(409, 'update_state', 'error.update_state', params),
  pathwayExists: () =>
    new HavenError(409, 'pathway_exists', 'error.pathway_exists', {}, [
      { path: 'caseId', key: 'error.pathway_exists', params: {} },
    ]),
  returnExists: () =>
    new HavenError(409, 'return_exists', 'error.return_exists', {}, [
      { path: 'caseId', key: 'error.return_exists', params: {} },
    ]),
  enrolmentExists: () =>
    new HavenError(409, 'enrolment_exists', 'error.enrolment_exists', {}, [
      { path: 'personCode', key: 'error.enrolment_exists', params: {} },
    ]),
  sessionExists: () =>
    new HavenError(409, 'session_exists', 'error.session_exists', {}, [
      { path: 'heldOn', key: 'error.session_exists', params: {} },
    ]),
  enrolmentEnded: () => new HavenError(409, 'enrolment_ended', 'error.enrolment_ended'),
  classEnded: () => new HavenError(409, 'class_ended', 'error.class_ended'),
  returnWrongStep: (status = '') =>
    new HavenError(409, 'return_wrong_step', 'error.return_wrong_step', { status }),
  reportExists: () => new HavenError(409, 'report_exists', 'error.report_exists'),
  reportPublished: () => new HavenError(409, 'report_published', 'error.report_published'),
  reportUnknownFigure: (params: { figures: string } = { figures: '' }) =>
    new HavenError(422, 'report_unknown_figure', 'error.report_unknown_figure', params, [], {
      details: params,
    }),
  reportFigureNoData: (params: { figures: string; year: string } = { figures: '', year: '' }) =>
    new HavenError(422, 'report_figure_no_data', 'error.report_figure_no_data', params, [], {
      details: params,
    }),
  reportOwnApproval: () => new HavenError(403, 'report_own_approval', 'error.report_own_approval'),
  reportAlreadyApproved: () =>
    new HavenError(409, 'report_already_approved', 'error.report_already_approved'),
  reportNeedsApprovals: (params: { approvals: number } = { approvals: 0 }) =>
    new HavenError(409, 'report_needs_approvals', 'error.report_needs_approvals', params),
  reportFigureInvalid: (
    params: { problem: string; detail: string } = { problem: '', detail: '' },
  ) =>
    new HavenError(422, 'report_figure_invalid', 'error.report_figure_invalid', params, [], {
      details: params,
    }),
  reportRefused: () => new HavenError(422, 'report_refused', 'error.report_refused'),
  reportNarrativeContradiction: (params: { texts: string } = { texts: '' }) =>
    new HavenError(
      409,
      'report_narrative_contradiction',
      'error.report_narrative_contradiction',
      params,
    ),
  reportPolicyInvalid: (params: { problems: string } = { problems: '' }) =>
    new HavenError(422, 'report_policy_invalid', 'error.report_policy_invalid', params, [], {
      details: params,
    }),
  reportDangerousNumber: (
    params: { numbers: string; figures: string } = { numbers: '', figures: '' },
  ) =>
    new HavenError(409, 'report_dangerous_number', 'error.report_dangerous_number', params, [], {
      details: params,
    }),
  // Finance (the books)
  unbalancedTransaction: (
    params: { currency: string; difference: string } = { currency: '', difference: '' },
  ) =>
    new HavenError(422, 'unbalanced_transaction', 'error.unbalanced_transaction', params, [
      { path: 'postings', key: 'error.unbalanced_transaction', params },
    ]),
  periodClosed: (params: { month: string } = { month: '' }) =>
    new HavenError(409, 'period_closed', 'error.period_closed', params),
  unknownAccount: (params: { account: string } = { account: '' }) =>
    new HavenError(422, 'unknown_account', 'error.unknown_account', params),
  accountCurrency: (
    params: { account: string; currency: string } = { account: '', currency: '' },
  ) => new HavenError(422, 'account_currency_mismatch', 'error.account_currency_mismatch', params),
  tooManyDecimals: (params: { currency: string; places: number } = { currency: '', places: 0 }) =>
    new HavenError(422, 'too_many_decimals', 'error.too_many_decimals', params),
  rateMissing: (
    params: { from: string; to: string; day: string; nearest: string } = {
      from: '',
      to: '',
      day: '',
      nearest: '',
    },
  ) => new HavenError(422, 'no_exchange_rate', 'error.no_exchange_rate_nearest', params),
  alreadyReversed: () => new HavenError(409, 'already_reversed', 'error.already_reversed'),
  monthClosedAlready: (params: { month: string } = { month: '' }) =>
    new HavenError(409, 'month_closed_already', 'error.month_closed_already', params),
  notADonation: () => new HavenError(422, 'not_a_donation', 'error.not_a_donation'),
  receiptExists: () => new HavenError(409, 'receipt_exists', 'error.receipt_exists'),
  fiscalYearInUse: () =>
    new HavenError(409, 'fiscal_year_in_use', 'error.fiscal_year_in_use', {}, [
      { path: 'fiscalYearStart', key: 'error.fiscal_year_in_use', params: {} },
    ]),
  accountCodeTaken: () =>
    new HavenError(409, 'account_code_taken', 'error.account_code_taken', {}, [
      { path: 'code', key: 'error.account_code_taken', params: {} },
    ]),
  // Data exchange (spreadsheet import)
  importUnreadable: (params: { reason: string } = { reason: '' }) =>
    new HavenError(422, 'import_unreadable', 'error.import_unreadable', params),
  importHasErrors: (params: { rows: number } = { rows: 0 }) =>
    new HavenError(422, 'import_has_errors', 'error.import_has_errors', params),
  importDuplicates: (params: { rows: number } = { rows: 0 }) =>
    new HavenError(409, 'import_possible_duplicates', 'error.import_possible_duplicates', params),
  importConflict: () => new HavenError(409, 'import_conflict', 'error.import_conflict'),
  // Data exchange (IATI)
  iatiNotConfigured: () => new HavenError(409, 'iati_not_configured', 'error.iati_not_configured'),
  iatiEmptyYear: () => new HavenError(409, 'iati_empty_year', 'error.iati_empty_year'),
} as const

// Every factory can be called without arguments (the OpenAPI generator does, to learn statuses).
export type ErrorFactoryName = keyof typeof errors
