/**
 * The disclosure ledger: every release of figures to the public (an annual report, the home
 * page's impact figures), in the order they were published. Private: it holds the true values
 * of hidden cells. The differencing guard reads all of it before anything new is published.
 */
export interface DisclosureReleasesTable {
  /** The release's id in the ledger (`annual-report-FY2005`, `impact-figures-FY2005-<id>`). */
  release_id: string
  /** What published it: `annual-report` or `impact-figures`. */
  source: string
  recorded_at: string
  /** JSON: the LedgerRelease (its figures, as published, and what was hidden). */
  release_json: string
}

export interface DisclosureTables {
  disclosure_releases: DisclosureReleasesTable
}
