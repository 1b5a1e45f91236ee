import { readFileSync, statSync } from 'node:fs'
import { CliError, EXIT } from './cli-config.js'

/**
 * Passphrases come from a file (`--passphrase-file`) or are typed at a terminal without echo —
 * never from a command-line argument, where they would land in shell history and `ps` output.
 */
export async function readSecret(options: {
  file: string | undefined
  prompt: string
  /** Ask twice at a terminal (for a new passphrase). */
  confirm?: boolean
  flag?: string
}): Promise<string> {
  const flag = options.flag ?? '--passphrase-file'
  if (options.file !== undefined) return readSecretFile(options.file, flag)
  if (!process.stdin.isTTY)
    throw new CliError(
      `No passphrase: give ${flag} FILE, or run this in a terminal to type it. (Never on the command line: it would stay in shell history.)`,
      EXIT.usage,
    )
  const first = await promptHidden(options.prompt)
  if (first === '') throw new CliError('The passphrase is empty.', EXIT.usage)
  if (options.confirm && (await promptHidden('Again, to confirm: ')) !== first)
    throw new CliError('The two passphrases differ. Nothing was changed.', EXIT.usage)
  return first
}

function readSecretFile(file: string, flag: string): string {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
    if ((statSync(file).mode & 0o077) !== 0)
      process.stderr.write(
        `Warning: ${file} can be read by other users; keep passphrase files private (chmod 600) and delete them after use.\n`,
      )
  } catch {
    throw new CliError(`${flag}: cannot read ${file}`, EXIT.usage)
  }
  // One trailing line break is the file's, not the passphrase's.
  const secret = text.replace(/\r?\n$/, '')
  if (secret === '') throw new CliError(`${flag}: ${file} is empty`, EXIT.usage)
  return secret
}

/** Reads a line at the terminal without echoing it. */
export function promptHidden(prompt: string): Promise<string> {
  const stdin = process.stdin
  process.stderr.write(prompt)
  stdin.setRawMode(true)
  stdin.resume()
  stdin.setEncoding('utf8')
  return new Promise((resolve, reject) => {
    let value = ''
    const done = () => {
      stdin.setRawMode(false)
      stdin.pause()
      stdin.off('data', onData)
      process.stderr.write('\n')
    }
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') {
          done()
          resolve(value)
          return
        }
        if (ch === '\u0003' || ch === '\u0004') {
          done()
          reject(new CliError('Cancelled.', EXIT.usage))
          return
        }
        value = ch === '\u007f' || ch === '\b' ? [...value].slice(0, -1).join('') : value + ch
      }
    }
    stdin.on('data', onData)
  })
}

/** Every non-empty line of standard input (shares piped in), or lines typed at a terminal. */
export async function readLines(prompt: (n: number) => string): Promise<string[]> {
  if (process.stdin.isTTY) {
    const lines: string[] = []
    for (;;) {
      const line = (await promptHidden(prompt(lines.length + 1))).trim()
      if (line === '') return lines
      lines.push(line)
    }
  }
  let text = ''
  process.stdin.setEncoding('utf8')
  for await (const chunk of process.stdin) text += chunk
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '')
}
