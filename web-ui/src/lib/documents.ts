/**
 * Opens a document of the API (e.g. `/documents/quotes/{id}?format=pdf`) in a new tab. The
 * endpoint needs the bearer token, so a plain link cannot open it: the document is fetched with
 * the token and shown from a blob URL. Throws when the server refuses it.
 */
export async function openDocument(path: string, accessToken: string | undefined): Promise<void> {
  // Opened before the await: browsers only allow pop-ups in the click's own task.
  const tab = window.open('', '_blank')
  try {
    const response = await fetch(path, {
      headers: accessToken ? { Authorization: `Bearer ${accessToken}` } : {},
    })
    if (!response.ok) throw new Error(`HTTP ${response.status}`)
    const url = URL.createObjectURL(await response.blob())
    if (tab) tab.location.href = url
    else window.open(url, '_blank')
    // the tab has loaded it by then; free the memory
    window.setTimeout(() => URL.revokeObjectURL(url), 60_000)
  } catch (error) {
    tab?.close()
    throw error
  }
}
