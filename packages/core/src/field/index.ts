// What others may use of the field app's core: the sync's wire shapes (the benchmark pushes and
// pulls through them).
export { PUSH_LIMIT, type PullView, type PushResult } from './field-schemas.js'
