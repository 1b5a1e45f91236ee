import { type MatrixModule, PEOPLE } from '../support/matrix.js'

const sheet = new TextEncoder().encode('name_latin,birth\nKim Sol,1990-01-02\n')

/** Data exchange: a people import registers in the compartment its query names. */
export const matrix: MatrixModule = {
  rows: {
    'POST /exchange/people/imports': {
      scope: { kind: 'compartment', allow: PEOPLE },
      call: (f) => ({
        path: `/exchange/people/imports?compartmentId=${f.target.id}&source=matrix&dryRun=1`,
        raw: sheet,
      }),
    },
  },
}
