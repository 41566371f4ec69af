/**
 * Documents of the API (e.g. `/documents/quotes/{id}?format=pdf`). The endpoint needs the bearer
 * token, so a plain link cannot open it: the document is fetched with the token and handed to the
 * browser from a blob URL, under the file name the server gives in `Content-Disposition`.
 */

/** The file name of a `Content-Disposition` header: `filename*` (RFC 6266, UTF-8) first. */
export function fileNameOf(disposition: string | null): string | null {
  if (!disposition) return null
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition)
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1].trim())
    } catch {
      // a broken encoding: fall back to the plain name
    }
  }
  const plain =
    /filename\s*=\s*"([^"]*)"/i.exec(disposition) ?? /filename\s*=\s*([^;]+)/i.exec(disposition)
  return plain?.[1]?.trim() || null
}

async function fetchDocument(path: string, accessToken: string | undefined) {
  const response = await fetch(path, {
    headers: accessToken ? { Authorization: `Bearer ${accessToken}` } : {},
  })
  if (!response.ok) throw new Error(`HTTP ${response.status}`)
  return {
    blob: await response.blob(),
    fileName: fileNameOf(response.headers.get('Content-Disposition')),
  }
}

/** Downloads a document and saves it under the server's file name. Throws when refused. */
export async function saveDocument(
  path: string,
  accessToken: string | undefined,
  fallbackName: string,
): Promise<void> {
  const { blob, fileName } = await fetchDocument(path, accessToken)
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName ?? fallbackName
  document.body.append(link)
  link.click()
  link.remove()
  // the download has started by then; free the memory
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000)
}

/** Opens a document in a new tab (e.g. to print it). Throws when the server refuses it. */
export async function openDocument(path: string, accessToken: string | undefined): Promise<void> {
  // Opened before the await: browsers only allow pop-ups in the click's own task.
  const tab = window.open('', '_blank')
  try {
    const { blob } = await fetchDocument(path, accessToken)
    const url = URL.createObjectURL(blob)
    if (tab) tab.location.href = url
    else window.open(url, '_blank')
    // the tab has loaded it by then; free the memory
    window.setTimeout(() => URL.revokeObjectURL(url), 60_000)
  } catch (error) {
    tab?.close()
    throw error
  }
}
