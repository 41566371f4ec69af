/** /dashboard (filled in below). */
export function SalesDashboard() {
  return null
}
