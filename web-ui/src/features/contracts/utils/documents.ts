/**
 * A contract's documents are uploaded with a plain `POST /contracts/{id}/documents` (multipart:
 * `file` and `kind`) and the bearer token. The same limits are checked before sending, so a
 * too large or unusual file is refused at once; the server's refusal is shown as well.
 */

/** The largest file the API takes (20 MiB). */
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024

/** Specifications and their attachments: PDF, Office and OpenDocument files, text, images. */
const ALLOWED_TYPES = new Set([
  'application/pdf',
  'application/msword',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'text/plain',
  'image/png',
  'image/jpeg',
])

const ALLOWED_EXTENSIONS = /\.(pdf|docx?|xlsx?|odt|ods|txt|png|jpe?g)$/i

export type DocumentProblem =
  | { problem: 'tooLarge'; size: number }
  | { problem: 'badType'; type: string }
  | { problem: 'empty' }

/** What is wrong with a chosen file, or null. Browsers may not know a type: the name decides then. */
export function checkDocumentFile(file: {
  name: string
  size: number
  type: string
}): DocumentProblem | null {
  if (file.size === 0) return { problem: 'empty' }
  if (file.size > MAX_DOCUMENT_BYTES) return { problem: 'tooLarge', size: file.size }
  const typeKnown = file.type !== '' && file.type !== 'application/octet-stream'
  const allowed = typeKnown ? ALLOWED_TYPES.has(file.type) : ALLOWED_EXTENSIONS.test(file.name)
  return allowed ? null : { problem: 'badType', type: file.type || file.name }
}

export type UploadResult =
  { ok: true } | { ok: false; problem: 'tooLarge' | 'badType' | 'other'; message?: string }

/** Uploads a file; 413 and 415 are the server's "too large" and "type not allowed". */
export async function uploadContractDocument(
  contractId: string,
  file: File,
  kind: string,
  accessToken: string | undefined,
  send: typeof fetch = fetch,
): Promise<UploadResult> {
  const body = new FormData()
  body.append('file', file)
  body.append('kind', kind)
  let response: Response
  try {
    response = await send(`/contracts/${encodeURIComponent(contractId)}/documents`, {
      method: 'POST',
      headers: accessToken ? { Authorization: `Bearer ${accessToken}` } : {},
      body,
    })
  } catch {
    return { ok: false, problem: 'other' }
  }
  if (response.ok) return { ok: true }
  if (response.status === 413) return { ok: false, problem: 'tooLarge' }
  if (response.status === 415) return { ok: false, problem: 'badType' }
  return { ok: false, problem: 'other', message: await messageOf(response) }
}

async function messageOf(response: Response): Promise<string | undefined> {
  try {
    const body = (await response.json()) as { message?: unknown; detail?: unknown }
    const message = body.message ?? body.detail
    return typeof message === 'string' ? message : undefined
  } catch {
    return undefined
  }
}

/** "1.5 MB", "820 kB" in the user's language. */
export function formatBytes(bytes: number, locale: string): string {
  const units = ['byte', 'kilobyte', 'megabyte'] as const
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit += 1
  }
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: units[unit],
    unitDisplay: 'short',
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value)
}
