// Importing this module registers every demo step, in order. Modules add theirs here.
import '../modules/cms/cms-demo.js'
import '../modules/people/people-demo.js'
import '../modules/shelters/shelters-demo.js'
import '../modules/supplies/supplies-demo.js'
