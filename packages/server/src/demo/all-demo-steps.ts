// Importing this module registers every demo step, in order. Modules add theirs here.
import './site-demo.js'
import './people-demo.js'
import './shelters-demo.js'
import './supplies-demo.js'
