import { api, apiUpload } from './api-client.js'
import type { paths } from './api-types.gen.js'
import { apiUrl, type QueryValue } from './api-url.js'

/**
 * Typed calls of the JSON API: the path is one of the document's (`/cases/{id}`), and what goes
 * in (path, query, body) and what comes back are the types generated from the OpenAPI document
 * (scripts/api-types.ts), so a wrong path, field or value fails `tsc`. Each call goes through
 * `api()`, with its early answers, re-authentication and end of session.
 */
type Method = 'get' | 'post' | 'put' | 'patch' | 'delete'

/** The paths that have an operation for `M`. */
export type ApiPath<M extends Method> = {
  [P in keyof paths]: [NonNullable<paths[P][M]>] extends [never] ? never : P
}[keyof paths]

type Operation<M extends Method, P extends keyof paths> = NonNullable<paths[P][M]>

type JsonOf<T> = T extends { content: { 'application/json': infer J } } ? J : never
type ParamsOf<O> = O extends { parameters: infer X } ? X : never
type PathParams<O> = ParamsOf<O> extends { path: infer A } ? A : never
type Query<O> = ParamsOf<O> extends { query?: infer Q } ? Exclude<Q, undefined> : never
type Body<O> = O extends { requestBody: infer B } ? JsonOf<B> : never

/** What a successful call answers (its 2xx JSON body). */
export type ApiResult<M extends Method, P extends ApiPath<M>> =
  Operation<M, P> extends {
    responses: infer R
  }
    ? { [S in keyof R]: S extends 200 | 201 | 202 ? JsonOf<R[S]> : never }[keyof R]
    : never

type Empty = Record<never, never>

/** What a call needs besides its path: path parameters, query and body, each only if it has one. */
export type ApiInit<M extends Method, P extends ApiPath<M>> = ([
  PathParams<Operation<M, P>>,
] extends [never]
  ? Empty
  : { path: PathParams<Operation<M, P>> }) &
  ([Query<Operation<M, P>>] extends [never]
    ? Empty
    : Empty extends Query<Operation<M, P>>
      ? { query?: Query<Operation<M, P>>; search?: string }
      : { query: Query<Operation<M, P>>; search?: string }) &
  ([Body<Operation<M, P>>] extends [never] ? Empty : { body: Body<Operation<M, P>> })

/** The init is optional when nothing in it is required. */
type InitArgument<M extends Method, P extends ApiPath<M>> =
  Empty extends ApiInit<M, P> ? [init?: ApiInit<M, P>] : [init: ApiInit<M, P>]

function call(method: Method) {
  return async (
    path: string,
    init: Partial<Record<'path' | 'query' | 'body', unknown>> & { search?: string } = {},
  ) =>
    api<unknown>(
      method.toUpperCase(),
      apiUrl(
        path,
        init.path as Record<string, string> | undefined,
        init.query as Record<string, QueryValue> | undefined,
        init.search,
      ),
      init.body,
    )
}

type Caller<M extends Method> = <P extends ApiPath<M>>(
  path: P,
  ...init: InitArgument<M, P>
) => Promise<ApiResult<M, P>>

export const apiGet = call('get') as Caller<'get'>
export const apiPost = call('post') as Caller<'post'>
export const apiPut = call('put') as Caller<'put'>
export const apiPatch = call('patch') as Caller<'patch'>
export const apiDelete = call('delete') as Caller<'delete'>

/** The paths whose operation `M` takes a file as its body (`application/octet-stream`). */
export type FilePath<M extends Method> = {
  [P in ApiPath<M>]: Operation<M, P> extends {
    requestBody: { content: { 'application/octet-stream': unknown } }
  }
    ? P
    : never
}[ApiPath<M>]

type FileCaller<M extends Method> = <P extends FilePath<M>>(
  path: P,
  init: { path: PathParams<Operation<M, P>> },
  file: File,
) => Promise<ApiResult<M, P>>

/** Sends a file as the body (`apiUpload`), to a path of the document, typed as the JSON calls are. */
function upload(method: Method) {
  return (path: string, init: { path: unknown }, file: File) =>
    apiUpload<unknown>(
      method.toUpperCase(),
      apiUrl(path, init.path as Record<string, string> | undefined),
      file,
    )
}

// Through `unknown`: tsc cannot relate the untyped sender to the generic answer of each path
// (it checks against the constraint's answer, which is empty); the callers' types are exact.
export const apiPostFile = upload('post') as unknown as FileCaller<'post'>
export const apiPutFile = upload('put') as unknown as FileCaller<'put'>
