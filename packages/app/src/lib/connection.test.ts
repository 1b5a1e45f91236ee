import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { noteReachable, noteUnreachable, offline, watchConnection } from './connection.js'

/** A stand-in for window's event target: only the two connection events matter here. */
function fakeWindow() {
  const listeners = new Map<string, () => void>()
  return {
    addEventListener: (type: string, fn: () => void) => {
      listeners.set(type, fn)
    },
    removeEventListener: (type: string) => {
      listeners.delete(type)
    },
    fire: (type: string) => listeners.get(type)?.(),
    listening: () => [...listeners.keys()].sort(),
  }
}

describe('connection state', () => {
  beforeEach(() => {
    vi.useFakeTimers()
    vi.stubGlobal('window', {})
  })
  afterEach(() => {
    noteReachable()
    vi.useRealTimers()
    vi.unstubAllGlobals()
  })

  it('shows offline after a request gets no answer and clears once the server answers', async () => {
    const fetchMock = vi.fn().mockRejectedValueOnce(new TypeError('down')).mockResolvedValue({})
    vi.stubGlobal('fetch', fetchMock)
    noteUnreachable()
    expect(offline.value).toBe(true)
    // First retry fails: still offline, another retry is planned.
    await vi.advanceTimersByTimeAsync(5_000)
    expect(offline.value).toBe(true)
    await vi.advanceTimersByTimeAsync(5_000)
    expect(fetchMock).toHaveBeenCalledTimes(2)
    expect(offline.value).toBe(false)
  })

  it('follows the browser offline/online events and stops following on request', async () => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue({}))
    const target = fakeWindow()
    const stop = watchConnection(target)
    expect(target.listening()).toEqual(['offline', 'online'])
    target.fire('offline')
    expect(offline.value).toBe(true)
    target.fire('online')
    await vi.advanceTimersByTimeAsync(0)
    expect(offline.value).toBe(false)
    stop()
    expect(target.listening()).toEqual([])
  })

  it('a browser "online" with no server answer keeps the banner', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('down')))
    const target = fakeWindow()
    watchConnection(target)
    target.fire('offline')
    target.fire('online')
    await vi.advanceTimersByTimeAsync(0)
    expect(offline.value).toBe(true)
  })
})
