/**
 * Importing people from an XLSX workbook: rows/s of the import (every identity sealed, every name
 * variant and the birth year blind-indexed, duplicates checked, one transaction) on SQLite, and
 * the process's peak RSS. Goal: ≥ 1,000 rows/s for 100,000 people, memory bounded.
 *
 *   node --import tsx bench/import.ts          (HAVEN_BENCH_IMPORT_ROWS=100000 by default)
 *
 * The workbook is written first by a child process (so its memory is not counted), with four
 * name scripts, a birth date (half in Japanese era form), sex, phones and situation per row.
 * Then one process boots Haven on a fresh data folder, spools the file to a sealed temporary file
 * as the API route does, checks it (the dry run) and imports it, reading it in chunks each time.
 */
import { spawnSync } from 'node:child_process'
import { createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import ExcelJS from 'exceljs'

const ROWS = Number(process.env.HAVEN_BENCH_IMPORT_ROWS ?? 100_000)
const SURNAMES = [
  ['김', '金', 'キム', 'Kim'],
  ['박', '朴', 'パク', 'Park'],
  ['이', '李', 'イ', 'Lee'],
  ['최', '崔', 'チェ', 'Choi'],
  ['정', '鄭', 'チョン', 'Jeong'],
]
const GIVEN = [
  ['영훈', '永勲', 'ヨンフン', 'Yonghun'],
  ['지원', '智元', 'チウォン', 'Jiwon'],
  ['민지', '敏智', 'ミンジ', 'Minji'],
  ['수진', '秀珍', 'スジン', 'Sujin'],
  ['철수', '哲洙', 'チョルス', 'Cheolsu'],
  ['은희', '恩姫', 'ウンヒ', 'Eunhui'],
  ['성호', '成浩', 'ソンホ', 'Seongho'],
]

/** Writes the workbook with ExcelJS's streaming writer (bounded memory at this end too). */
async function writeWorkbook(path: string, rows: number): Promise<void> {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false })
  const sheet = book.addWorksheet('People')
  sheet
    .addRow([
      'ref',
      'name_hangul',
      'name_hanzi',
      'name_kana',
      'name_latin',
      'birth',
      'sex',
      'phones',
      'situation',
    ])
    .commit()
  for (let i = 0; i < rows; i++) {
    const s = SURNAMES[i % SURNAMES.length] ?? []
    const g = GIVEN[Math.floor(i / SURNAMES.length) % GIVEN.length] ?? []
    const year = 1950 + (i % 60)
    const month = 1 + (i % 12)
    const day = 1 + (i % 28)
    // Half in Japanese era form (昭和 before 1989, 平成 after), as a Japanese office would type them.
    const birth =
      i % 2 === 0
        ? `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
        : year < 1989
          ? `昭和${year - 1925}年${month}月${day}日`
          : `平成${year - 1988}年${month}月${day}日`
    sheet
      .addRow([
        `B-${i + 1}`,
        `${s[0]}${g[0]}`,
        `${s[1]}${g[1]}`,
        `${s[2]} ${g[2]}`,
        `${s[3]} ${g[3]}`,
        birth,
        i % 2 === 0 ? 'female' : 'male',
        `+86 139 ${String(1000 + (i % 9000))} ${String(2000 + (i % 7000))}`,
        'in_shelter',
      ])
      .commit()
  }
  await book.commit()
}

async function measure(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'haven-bench-import-'))
  const file = join(dir, 'people.xlsx')
  try {
    const started = Date.now()
    const child = spawnSync(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(import.meta.url), 'write', file],
      {
        stdio: 'inherit',
      },
    )
    if (child.status !== 0) throw new Error('writing the workbook failed')
    console.log(
      `workbook: ${ROWS} rows, ${(statSync(file).size / 1024 / 1024).toFixed(1)} MiB, written in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    )

    process.env.DATA_DIR = join(dir, 'data')
    process.env.LOG_LEVEL = 'error'
    // Imported only now, so the configuration reads this data folder.
    const { bootForCommand } = await import('../packages/server/src/cli/cli-app.js')
    const { cliConfig } = await import('../packages/server/src/cli/cli-config.js')
    const { createCompartment } = await import(
      '../packages/server/src/compartments/compartment-service.js'
    )
    const { importPeople } = await import('../packages/server/src/modules/exchange/index.js')
    const app = await bootForCommand(cliConfig())
    const BY = { actorId: null, requestId: null }
    const compartment = await createCompartment(
      app,
      app.database.db,
      { code: 'BENCH-01', name: 'Bench shelter', kind: 'shelter' },
      BY,
    )
    // As the API route receives it: spooled to a sealed temporary file, read in chunks from there.
    const { spoolUpload } = await import('../packages/server/src/api/spooled-upload.js')
    const upload = await spoolUpload(createReadStream(file), 1024 * 1024 * 1024)
    const loadAtStart = loadavg()
    const options = {
      compartmentId: compartment.id,
      source: 'bench',
      encoding: 'auto' as const,
      acceptDuplicates: false,
    }
    // CPU seconds (user + system) of this process per phase: on a shared, loaded machine wall time
    // mostly measures waiting for a core, so rows per CPU-second is the figure to compare.
    const cpuSeconds = (since: NodeJS.CpuUsage) => {
      const used = process.cpuUsage(since)
      return (used.user + used.system) / 1e6
    }
    let cpu = process.cpuUsage()
    let t = Date.now()
    const checked = await importPeople(app, upload, { ...options, dryRun: true }, BY)
    const checkSeconds = (Date.now() - t) / 1000
    const checkCpu = cpuSeconds(cpu)
    if (checked.rowsWithErrors > 0)
      throw new Error(
        `the generated rows have problems: ${JSON.stringify(checked.issues.slice(0, 3))}`,
      )
    // The resident set size every 10,000 rows written: flat when memory does not grow with rows.
    const rss: string[] = []
    const onProgress = (phase: 'check' | 'write', rows: number) => {
      // The last batch reports the same count again: one figure per 10,000 rows.
      if (phase === 'write' && rows % 10_000 === 0 && !rss.at(-1)?.startsWith(`${rows / 1000}k `))
        rss.push(`${rows / 1000}k ${Math.round(process.memoryUsage.rss() / 1024 / 1024)}`)
    }
    cpu = process.cpuUsage()
    t = Date.now()
    const done = await importPeople(app, upload, { ...options, dryRun: false, onProgress }, BY)
    const importSeconds = (Date.now() - t) / 1000
    const importCpu = cpuSeconds(cpu)
    t = Date.now()
    const again = await importPeople(app, upload, { ...options, dryRun: false }, BY)
    const againSeconds = (Date.now() - t) / 1000
    await app.database.close()
    await upload.discard()
    const peakMiB = process.resourceUsage().maxRSS / 1024
    const load = (l: number[]) => l.map((n) => n.toFixed(1)).join(' / ')
    console.log(
      `machine: ${cpus().length} cores, load average (1 / 5 / 15 min) ${load(loadAtStart)} at the start, ${load(loadavg())} at the end`,
    )
    console.log(
      `check (dry run): ${ROWS} rows in ${checkSeconds.toFixed(1)} s = ${Math.round(ROWS / checkSeconds)} rows/s; CPU ${checkCpu.toFixed(1)} s = ${Math.round(ROWS / checkCpu)} rows per CPU-second`,
    )
    console.log(
      `import: ${done.imported} people in ${importSeconds.toFixed(1)} s = ${Math.round(done.imported / importSeconds)} rows/s (goal ≥ 1000), the file read and checked again inside; CPU ${importCpu.toFixed(1)} s = ${Math.round(done.imported / importCpu)} rows per CPU-second`,
    )
    console.log(
      `second import: ${again.imported} added, ${again.alreadyImported} skipped in ${againSeconds.toFixed(1)} s`,
    )
    console.log(`RSS while writing (rows MiB): ${rss.join(', ')}`)
    console.log(
      `peak RSS: ${peakMiB.toFixed(0)} MiB (file of ${(upload.size / 1024 / 1024).toFixed(1)} MiB read in chunks from a sealed temporary file, never whole)`,
    )
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

if (process.argv[2] === 'write') await writeWorkbook(process.argv[3] ?? 'people.xlsx', ROWS)
else await measure()
