import { ApiError } from '../../lib/api-client.js'
import { locale, t } from '../../lib/locale.js'

/**
 * Sends a file as the request body and reports how much of it has gone (fetch cannot tell, so
 * this uses XMLHttpRequest). `sent` reaches 1 when the server has the whole file; what remains
 * is the server's work, shown as an activity without a figure.
 */
export function sendWithProgress<T>(
  path: string,
  file: File,
  onSent: (fraction: number) => void,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', `/api/v1${path}`)
    xhr.withCredentials = true
    xhr.setRequestHeader('Accept', 'application/json')
    xhr.setRequestHeader('Accept-Language', locale.value)
    xhr.setRequestHeader('Content-Type', 'application/octet-stream')
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onSent(event.loaded / event.total)
    }
    xhr.upload.onload = () => onSent(1)
    xhr.onerror = () => reject(new ApiError(0, 'network_error', t('error.network')))
    xhr.onload = () => {
      let data: { error?: { code?: string; message?: string } } & T
      try {
        data = JSON.parse(xhr.responseText)
      } catch {
        reject(new ApiError(xhr.status, 'unknown', xhr.statusText))
        return
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(data)
      else
        reject(
          new ApiError(
            xhr.status,
            data.error?.code ?? 'unknown',
            data.error?.message ?? xhr.statusText,
          ),
        )
    }
    xhr.send(file)
  })
}
