import { describe, expect, expectTypeOf, it } from 'vitest'
import { apiUrl } from './api-url.js'
import type {
  ApiInit,
  ApiPath,
  ApiResult,
  apiGet,
  apiPatch,
  apiPost,
  apiPostFile,
} from './typed-api.js'

describe('typed API calls', () => {
  it('fill in path parameters (encoded) and the query, leaving out what is undefined', () => {
    expect(apiUrl('/cases/{id}', { id: 'a/b c' })).toBe('/cases/a%2Fb%20c')
    expect(apiUrl('/people', {}, { q: 'Ana', cursor: undefined, limit: 20 })).toBe(
      '/people?q=Ana&limit=20',
    )
    expect(apiUrl('/people', {}, { tag: ['a', 'b'] })).toBe('/people?tag=a&tag=b')
    expect(apiUrl('/work-queue')).toBe('/work-queue')
    // A list's filters as its page address has them, then what the call adds.
    expect(apiUrl('/people', {}, { names: '1' }, 'q=Ana&sort=code')).toBe(
      '/people?names=1&q=Ana&sort=code',
    )
    expect(() => apiUrl('/cases/{id}')).toThrow(/Missing path parameter id/)
  })

  // These lines are checked by `tsc -p packages/app` (which includes this file): every
  // expected error below must occur, so the types cannot quietly become loose.
  it('reject, at compile time, what the OpenAPI document does not allow', () => {
    expectTypeOf<ApiResult<'get', '/cases/{id}'>>().toHaveProperty('personCode')
    expectTypeOf<ApiResult<'get', '/cases/{id}'>['status']>().toEqualTypeOf<
      'open' | 'in_progress' | 'closed'
    >()
    expectTypeOf<ApiInit<'patch', '/cases/{id}'>['path']>().toEqualTypeOf<{ id: string }>()
    expectTypeOf<'/cases/{id}'>().toExtend<ApiPath<'get'>>()
    // A GET-only path is no POST path.
    expectTypeOf<'/work-queue'>().not.toExtend<ApiPath<'post'>>()

    // Only typechecked: the calls' types, without loading the browser-side fetch layer.
    const unused = (
      get: typeof apiGet,
      patch: typeof apiPatch,
      post: typeof apiPost,
      postFile: typeof apiPostFile,
    ) => {
      // @ts-expect-error: no such path
      void get('/casez/{id}', { path: { id: '1' } })
      // @ts-expect-error: the path parameter is required
      void get('/cases/{id}')
      // @ts-expect-error: a body field the route does not declare
      void patch('/cases/{id}', { path: { id: '1' }, body: { version: 1, stauts: 'open' } })
      // @ts-expect-error: a value outside the enum
      void patch('/cases/{id}', { path: { id: '1' }, body: { version: 1, status: 'opened' } })
      // @ts-expect-error: the body is missing
      void post('/cases', {})
      // @ts-expect-error: a JSON operation takes no file
      void postFile('/cases', { path: {} }, new File([], 'x'))
      void (async () => {
        const kase = await get('/cases/{id}', { path: { id: '1' } })
        // @ts-expect-error: a response field the document does not have
        void kase.personName
        void kase.personCode
      })()
    }
    expect(typeof unused).toBe('function')
  })
})
