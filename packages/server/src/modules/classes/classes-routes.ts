import {
  classPageView,
  classParamsSchema,
  classQuerySchema,
  classView,
  createClassSchema,
  editClassSchema,
  endClassSchema,
  endEnrolmentSchema,
  enrolmentParamsSchema,
  enrolSchema,
  recordSessionSchema,
} from '@haven/core/classes/class-schema'
import { defineRoute, found, inCompartment, type RequestInput } from '../../api/api-route.js'
import {
  createClass,
  editClass,
  endClass,
  enrol,
  finishEnrolment,
  recordSession,
} from './classes-service.js'
import { countClasses, findClass, listClasses } from './classes-store.js'
import { presentClass, presentClasses } from './classes-views.js'

const classAtId = async ({ app, params }: RequestInput<{ id: string }>) =>
  found(await findClass(app.database.db, params.id))

const atClass = {
  kind: 'policy',
  entity: 'LanguageClass',
  load: classAtId,
  record: inCompartment,
} as const

export const classesRoutes = [
  defineRoute({
    method: 'get',
    path: '/classes',
    summary: 'Language classes of your compartments, by language and status, a page at a time',
    tag: 'classes',
    access: { kind: 'policy', entity: 'LanguageClass', action: 'list', scope: 'compartments' },
    query: classQuerySchema,
    response: classPageView,
    async handle({ app, query, scope }) {
      const db = app.database.db
      const filter = { compartmentIds: scope, language: query.language, status: query.status }
      const [rows, total] = await Promise.all([
        listClasses(db, filter, { limit: query.limit, offset: query.offset }),
        countClasses(db, filter),
      ])
      return { items: await presentClasses(db, rows), total }
    },
  }),
  defineRoute({
    method: 'post',
    path: '/classes',
    summary:
      'Open a class: language, level, teacher (often a volunteer), the shelter where it meets, weekdays and time',
    tag: 'classes',
    access: {
      kind: 'policy',
      entity: 'LanguageClass',
      action: 'create',
      record: (_, { body }) => ({ compartmentId: body.compartmentId }),
    },
    body: createClassSchema,
    response: classView,
    successStatus: 201,
    errors: ['forbidden', 'validationFailed', 'recordFrozen'],
    async handle({ app, actor, body, audit: by }) {
      const row = await createClass(app, body, by)
      return presentClass(app.database.db, actor(), row)
    },
  }),
  defineRoute({
    method: 'get',
    path: '/classes/:id',
    summary: 'One class: its learners by code with attendance and next step, and its sessions',
    tag: 'classes',
    access: { ...atClass, action: 'read' },
    params: classParamsSchema,
    response: classView,
    errors: ['notFound'],
    async handle({ app, actor, record }) {
      return presentClass(app.database.db, actor(), record)
    },
  }),
  defineRoute({
    method: 'post',
    path: '/classes/:id/enrolments',
    summary: 'Enrol a person of the class’s compartment, by code; 409 if already enrolled',
    tag: 'classes',
    access: { ...atClass, action: 'update' },
    params: classParamsSchema,
    body: enrolSchema,
    response: classView,
    successStatus: 201,
    errors: [
      'notFound',
      'forbidden',
      'validationFailed',
      'enrolmentExists',
      'classEnded',
      'recordFrozen',
    ],
    async handle({ app, actor, body, record, audit: by }) {
      await enrol(app, record, body, by)
      return presentClass(app.database.db, actor(), record)
    },
  }),
  defineRoute({
    method: 'post',
    path: '/classes/:id/sessions',
    summary: 'Record a session on a day with who was present (attendance); one session a day',
    tag: 'classes',
    access: { ...atClass, action: 'update' },
    params: classParamsSchema,
    body: recordSessionSchema,
    response: classView,
    successStatus: 201,
    errors: [
      'notFound',
      'forbidden',
      'validationFailed',
      'sessionExists',
      'classEnded',
      'recordFrozen',
    ],
    async handle({ app, actor, body, record, audit: by }) {
      await recordSession(app, record, body, by)
      return presentClass(app.database.db, actor(), record)
    },
  }),
  defineRoute({
    method: 'post',
    path: '/classes/:id/enrolments/:enrolmentId/end',
    summary:
      'End an enrolment (completed or left) with the learner’s next step: night school, vocational training, employment…',
    tag: 'classes',
    access: { ...atClass, action: 'update' },
    params: enrolmentParamsSchema,
    body: endEnrolmentSchema,
    response: classView,
    errors: [
      'notFound',
      'forbidden',
      'validationFailed',
      'enrolmentEnded',
      'classEnded',
      'recordFrozen',
    ],
    async handle({ app, actor, body, params, record, audit: by }) {
      await finishEnrolment(app, record, params.enrolmentId, body, by)
      return presentClass(app.database.db, actor(), record)
    },
  }),
  defineRoute({
    method: 'patch',
    path: '/classes/:id',
    summary:
      'Edit a running class (level, teacher, shelter, days, time, length) at the version read; 409 version_conflict if it changed, class_ended once ended',
    tag: 'classes',
    access: { ...atClass, action: 'update' },
    params: classParamsSchema,
    body: editClassSchema,
    response: classView,
    errors: [
      'notFound',
      'forbidden',
      'validationFailed',
      'versionConflict',
      'classEnded',
      'recordFrozen',
    ],
    async handle({ app, actor, body, record, audit: by }) {
      const row = await editClass(app, record, body, by)
      return presentClass(app.database.db, actor(), row)
    },
  }),
  defineRoute({
    method: 'post',
    path: '/classes/:id/end',
    summary:
      'End a class on a day; learners still enrolled end that day with the outcome and next step given',
    tag: 'classes',
    access: { ...atClass, action: 'update' },
    params: classParamsSchema,
    body: endClassSchema,
    response: classView,
    errors: [
      'notFound',
      'forbidden',
      'validationFailed',
      'versionConflict',
      'classEnded',
      'recordFrozen',
    ],
    async handle({ app, actor, body, record, audit: by }) {
      const row = await endClass(app, record, body, by)
      return presentClass(app.database.db, actor(), row)
    },
  }),
]
