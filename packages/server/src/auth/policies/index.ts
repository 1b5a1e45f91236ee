// Importing this module declares every policy. Each entity's rules live in its own file.
import './audit-policy.js'
import './case-policy.js'
import './compartment-policy.js'
import './grant-policy.js'
import './incident-policy.js'
import './person-policy.js'
import './settings-policy.js'
import './user-policy.js'
