// Importing this module registers every demo step, in order. Modules add theirs here.
import './site-demo.js'
import './supplies-demo.js'
