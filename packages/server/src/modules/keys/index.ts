import { defineModule } from '../../haven-module.js'
import { keyRoutes } from './key-routes.js'
import { keysPolicy } from './keys-policy.js'

/** Key status, rotation and crypto-shredding for administrators (the keys are the platform's, in crypto/). */
export const keysModule = defineModule({
  name: 'keys',
  routes: keyRoutes,
  policies: [keysPolicy],
})
