import type { VNode } from 'preact'
import { render } from 'preact-render-to-string'

/** A full HTML document from a Preact tree. */
export function renderPage(page: VNode): string {
  return `<!doctype html>${render(page)}`
}
