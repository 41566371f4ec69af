/** The Blob is freed this long after the click: long enough for every browser to start saving. */
export const REVOKE_AFTER_MS = 10_000

/** The file name of a license's signed file: its serial number and `.lic`. */
export function licenseFileName(serial: string): string {
  return `${serial.replace(/[^0-9A-Za-z-]/g, '')}.lic`
}

/**
 * Saves `signedFile` (the compact JWS of `License.signedFile`) as `<serial>.lic` through a Blob
 * and a temporary link, and frees the Blob afterwards.
 */
export function saveLicenseFile(serial: string, signedFile: string, doc: Document = document) {
  const blob = new Blob([signedFile], { type: 'application/jose' })
  const url = URL.createObjectURL(blob)
  const link = doc.createElement('a')
  link.href = url
  link.download = licenseFileName(serial)
  link.rel = 'noopener'
  link.style.display = 'none'
  doc.body.appendChild(link)
  try {
    link.click()
  } finally {
    link.remove()
    setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS)
  }
  return blob
}
