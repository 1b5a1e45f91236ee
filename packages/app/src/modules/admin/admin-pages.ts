// The administration loads as one chunk, on first visit: most staff never open it.
export { CompartmentsPage } from './compartments-page.js'
export { RolesPage } from './roles-page.js'
export { SecurityPage } from './security-page.js'
export { UserPage } from './user-page.js'
export { UsersPage } from './users-page.js'
