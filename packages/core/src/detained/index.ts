// What code outside the detained module may use from its core: the time-served rules (the e2e
// test finds the arrest day that reaches a share on a given day).
export { dayShareReached, type ServedShare, timeServed } from './time-served.js'
