import { HEX_COLOUR } from '@haven/core/site/colour-contrast'

/** `/assets/accent-<rrggbb>.css`: named by its colour, so it never changes and is cached for good. */
export function accentStylesheetPath(accent: string): string {
  return `/assets/accent-${accent.slice(1).toLowerCase()}.css`
}

/** A quarter darker, for hover states. */
function darker(hex: string): string {
  const part = (i: number) =>
    Math.round(Number.parseInt(hex.slice(1 + i * 2, 3 + i * 2), 16) * 0.75)
      .toString(16)
      .padStart(2, '0')
  return `#${part(0)}${part(1)}${part(2)}`
}

/**
 * The editors' accent over the built-in one. Only for the light scheme: dark mode keeps its own
 * light accent, which a brand colour chosen for white paper would not be readable against.
 */
export function accentStylesheet(accent: string): string | null {
  if (!HEX_COLOUR.test(accent)) return null
  const colour = accent.toLowerCase()
  return `@media not (prefers-color-scheme: dark) {\n  :root {\n    --accent: ${colour};\n    --accent-dark: ${darker(colour)};\n  }\n}\n`
}
