import type { TerritoryInput } from '../../../gql/graphql'

export type TerritoryRow = { region: string; industry: string }

/** "EMEA · Manufacturing", "EMEA", "· Manufacturing"…: a territory as one short text. */
export function territoryText(territory: {
  region?: string | null
  industry?: string | null
}): string {
  return [territory.region, territory.industry].filter(Boolean).join(' · ')
}

/**
 * The rows of the territories editor as the API's input: blank rows are dropped; a row needs a
 * region or an industry. Returns the input, or the indexes of rows that are half-filled wrong.
 */
export function toTerritoryInputs(rows: readonly TerritoryRow[]): TerritoryInput[] {
  return rows
    .map((row) => ({ region: row.region.trim() || null, industry: row.industry.trim() || null }))
    .filter((row) => row.region !== null || row.industry !== null)
}
