import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { setupRequestSchema } from '../identity/setup-schema.js'
import { validate } from './field-issues.js'

describe('validate', () => {
  it('names each field and the rule it broke, never echoing the input', () => {
    const result = validate(setupRequestSchema, {
      token: 'short',
      loginName: '-bad name-',
      password: 'secret-value-123',
      extra: 1,
    })
    expect(result.ok).toBe(false)
    if (result.ok) return
    const byPath = Object.fromEntries(result.issues.map((i) => [i.path, i.key]))
    expect(byPath).toMatchObject({
      token: 'field.invalid_format',
      loginName: 'field.login_name_format',
      displayName: 'field.required',
      extra: 'field.unrecognized_keys',
    })
    expect(JSON.stringify(result.issues)).not.toContain('secret-value-123')
  })

  it.each([
    [z.string().min(3), 'ab', 'field.too_short', { minimum: 3 }],
    [z.string().max(2), 'abc', 'field.too_long', { maximum: 2 }],
    [z.number().min(1), 0, 'field.too_small', { minimum: 1 }],
    [z.number().max(1), 2, 'field.too_big', { maximum: 1 }],
    [z.enum(['a', 'b']), 'c', 'field.invalid_value', { options: 'a, b' }],
    [z.number(), 'x', 'field.invalid_type', { expected: 'number' }],
  ] as const)('%# maps to %s', (schema, input, key, params) => {
    const result = validate(schema as z.ZodType<unknown>, input)
    expect(result).toEqual({ ok: false, issues: [{ path: '', key, params }] })
  })

  it('returns the parsed value when valid', () => {
    const result = validate(z.strictObject({ a: z.string().trim() }), { a: ' x ' })
    expect(result).toEqual({ ok: true, value: { a: 'x' } })
  })
})
