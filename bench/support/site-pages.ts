/** One address of each page type of the demo site, in both languages (as the e2e tests use). */
export { PAGE_TYPES } from '../../packages/server/test/support/site-pages.js'
