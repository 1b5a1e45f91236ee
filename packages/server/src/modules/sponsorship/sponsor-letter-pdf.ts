import type { LetterView } from '@haven/core/sponsorship/sponsorship-views'
import { type PdfBlock, renderPdf } from '../../pdf/pdf-document.js'

/**
 * The sponsor's letter as a PDF, in the sponsor's language. Built only from the letter view, which
 * already holds nothing but the sponsor's code, the child's alias, the age band and the reviewed
 * words, so the PDF cannot carry a person code, compartment or school. The photo stays on the
 * page: the platform's PDF service lays out text only.
 */
export function letterPdf(letter: LetterView): Promise<Uint8Array> {
  return renderPdf({ title: letter.ageLine, lang: letter.language, blocks: letterBlocks(letter) })
}

/** A mail-merge: the letters one a page, each in its sponsor's language. */
export function lettersPdf(letters: readonly LetterView[]): Promise<Uint8Array> {
  return renderPdf({
    title: 'Haven letters',
    lang: letters[0]?.language ?? 'en',
    blocks: letters.flatMap((letter, i): PdfBlock[] =>
      i === 0 ? letterBlocks(letter) : [{ kind: 'pageBreak' }, ...letterBlocks(letter)],
    ),
  })
}

function letterBlocks(letter: LetterView): PdfBlock[] {
  return [
    { kind: 'paragraph', text: letter.greeting },
    { kind: 'paragraph', text: letter.ageLine },
    { kind: 'paragraph', text: letter.text },
    { kind: 'space', points: 12 },
    { kind: 'paragraph', text: letter.closing },
  ]
}
