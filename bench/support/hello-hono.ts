// The floor for the API benchmark: a bare Hono hello-world on @hono/node-server, in its own
// process as Haven is. PORT from the environment.
import { serve } from '@hono/node-server'
import { Hono } from 'hono'

const app = new Hono()
app.get('/', (c) => c.text('Hello, world!'))
serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: '127.0.0.1' })
