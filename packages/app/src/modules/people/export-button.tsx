import type { JSX } from 'preact'
import { ErrorAlert } from '../../components/messages.js'
import { apiDownload } from '../../lib/api-client.js'
import { useSubmission } from '../../lib/forms.js'

/** Downloads a CSV of codes and non-identifying columns (the server audits the export). */
export function ExportButton(props: {
  path: string
  fileName: string
  label: string
}): JSX.Element {
  const submission = useSubmission()
  return (
    <>
      <button
        type="button"
        class="link-button"
        disabled={submission.busy}
        aria-busy={submission.busy}
        onClick={() => submission.run(() => apiDownload(props.path, {}, props.fileName))}
      >
        {props.label}
      </button>
      <ErrorAlert message={submission.error} />
    </>
  )
}
