import { defineModule } from '../../haven-module.js'
import { notificationRoutes } from './notification-routes.js'

/** A person's own notifications (a shelter compromised, …), written by other modules. */
export const notificationsModule = defineModule({
  name: 'notifications',
  routes: notificationRoutes,
})
