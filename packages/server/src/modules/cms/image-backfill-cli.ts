import { countOf } from '@haven/core/i18n/plural'
import type { Command } from 'commander'
import { cliConfig } from '../../cli/cli-config.js'
import { progressBar } from '../../cli/progress.js'
import { openDatabase } from '../../db/database.js'
import { backfillImageVariants } from './image-backfill.js'

/**
 * `haven image-variants`: stores the variants of images uploaded before variants were kept, with
 * progress, for an operator who wants it done before serving (the server also does it in the
 * background at start). Resumable: a second run finds nothing to do.
 */
export function registerImageVariants(program: Command): void {
  program
    .command('image-variants')
    .description(
      'store the AVIF/WebP/JPEG variants of images uploaded before they were made at upload (resumable)',
    )
    .action(async () => {
      const config = cliConfig()
      const database = await openDatabase(config.database, {
        sqliteStartupCheck: config.sqliteStartupCheck,
      })
      let bar: ReturnType<typeof progressBar> | undefined
      try {
        const made = await backfillImageVariants(database.db, ({ done, total }) => {
          if (total === 0) return
          bar ??= progressBar('Image variants', total, 'images')
          bar.update(done)
        })
        bar?.stop()
        console.log(
          made.library + made.site === 0
            ? 'Every image already has its variants.'
            : `Stored the variants of ${countOf(made.library, 'library image', 'library images')} and ${countOf(made.site, 'image', 'images')} on the site.`,
        )
      } finally {
        await database.close()
      }
    })
}
