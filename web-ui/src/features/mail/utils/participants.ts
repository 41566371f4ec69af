/** "Anna Buyer <anna@example.com>", or the bare address when the header had no name. */
export function fromLabel(from: { address: string; name?: string | null }): string {
  return from.name ? `${from.name} <${from.address}>` : from.address
}
