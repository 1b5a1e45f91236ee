// The public API of @haven/disclosure. See the README (section "Disclosure control") for how the pieces fit.
export type { Bounds } from './bounds.js'
export {
  type ArithmeticStep,
  type ConsistencyCheck,
  type ConsistencyFinding,
  type ConsistencyOptions,
  type ConversionPath,
  checkConsistency,
  type FlowCheck,
  type ProductCheck,
  type SumCheck,
} from './consistency/check-consistency.js'
export { explainConsistency } from './consistency/explain-consistency.js'
export { readFigure, type StatedFigure } from './consistency/stated-figure.js'
export {
  checkDifferencing,
  type DifferencingFinding,
  type DifferencingResult,
  type FigureRef,
} from './differencing-guard.js'
export { discreteLaplaceNoise } from './differential-privacy.js'
export {
  createDisclosureEngine,
  type DisclosureEngine,
  type DisclosureEngineOptions,
} from './engine.js'
export { DisclosureError, type DisclosureErrorCode } from './errors.js'
export {
  type FigureDefinition,
  type FilterSet,
  figureKey,
  type PublishedFigure,
  type PublishedValue,
} from './figure.js'
export { type FlowTableInput, flowTable } from './flow-table.js'
export { auditIntervals, type Knowledge } from './interval-audit.js'
export {
  appendRelease,
  type DisclosureLedger,
  EMPTY_LEDGER,
  type LedgerRelease,
  parseLedger,
} from './ledger.js'
export {
  type LinkedSystem,
  linkedGroups,
  linkTables,
  protectTables,
  type TableToProtect,
} from './link-tables.js'
export { createHighsSolver } from './lp/highs-solver.js'
export type { LinearProgram, LpSession, LpSolver } from './lp/linear-program.js'
export { type Period, parsePeriod } from './period.js'
export {
  DEFAULT_POLICY,
  type DisclosurePolicy,
  type DisclosureRule,
  parsePolicy,
  sensitivityOf,
} from './policy.js'
export { checkPrivacyBudget, type PrivacyBudgetCheck } from './privacy-budget.js'
export { type ProtectTableOptions, protectTable } from './protect-table.js'
export type {
  AppliedRule,
  CellExplanation,
  FootnoteKind,
  ProtectedCell,
  ProtectedTable,
  ProtectionStats,
  PublicRendering,
} from './protected-table.js'
export { requiredWidth } from './protection.js'
export { cryptoRandom, type RandomSource, seededRandom } from './random-source.js'
export {
  type PreparedRelease,
  prepareRelease,
  type ReleaseInput,
  type ReleaseTableInput,
  recordRelease,
} from './release.js'
export { type JsonValue, releaseJson, toJsonValue } from './release-json.js'
export { describeFinding, renderCell, renderPublicTable, renderReview } from './render-review.js'
export {
  buildReview,
  type DisclosureReview,
  type ReviewRefusal,
  type ReviewRisk,
} from './review.js'
export { type RoundingKey, roundingKey } from './rounding.js'
export { SENSITIVITIES, type Sensitivity } from './sensitivity.js'
export {
  type CellSystem,
  crossTable,
  type FlowIdentity,
  oneWayTable,
  type StatTable,
  type SystemCell,
  type TableCell,
  type TableDimension,
  type TableRelation,
  twoWayTable,
} from './table.js'
export {
  cellIdentities,
  type TableContext,
  type TableDefinitions,
  tableDefinitions,
  tableFigures,
} from './table-figures.js'
export { bandFor, type WordBand } from './wording.js'
