// Importing this module declares every policy. Each entity's rules live in its own file.
import './audit-policy.js'
import './compartment-policy.js'
import './contact-message-policy.js'
import './grant-policy.js'
import './settings-policy.js'
import './site-content-policy.js'
import './user-policy.js'
