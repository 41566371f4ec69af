// Campaign report rows → the rows the "Campaign return" chart (and its table) draws.

export type CampaignResultInput = {
  campaign: { id: string; name: string }
  leads: number
  opportunities: number
  won: number
  wonAmounts: readonly { amount: string; currency: string }[]
  returnOnCost?: number | null
}

export type CampaignReturnDatum = {
  id: string
  name: string
  /** Won amount per cost unit in percent (one decimal); 0 in the chart when there is no cost. */
  returnPercent: number
  /** False when the campaign has no cost, so there is no return to show. */
  hasReturn: boolean
  leads: number
  opportunities: number
  won: number
}

/** Campaigns with a return first, highest return first; then the others by name. */
export function toCampaignReturnData(rows: readonly CampaignResultInput[]): CampaignReturnDatum[] {
  return rows
    .map((row) => {
      const hasReturn = row.returnOnCost !== null && row.returnOnCost !== undefined
      return {
        id: row.campaign.id,
        name: row.campaign.name,
        returnPercent: hasReturn ? Math.round((row.returnOnCost as number) * 1000) / 10 : 0,
        hasReturn,
        leads: row.leads,
        opportunities: row.opportunities,
        won: row.won,
      }
    })
    .sort((a, b) =>
      a.hasReturn !== b.hasReturn
        ? a.hasReturn
          ? -1
          : 1
        : b.returnPercent - a.returnPercent || a.name.localeCompare(b.name),
    )
}
