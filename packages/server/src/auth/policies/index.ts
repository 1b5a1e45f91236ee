// Importing this module declares every policy. Each entity's rules live in its own file.
import './audit-policy.js'
import './compartment-policy.js'
import './grant-policy.js'
import './keys-policy.js'
import './settings-policy.js'
import './user-policy.js'
