import { describe, expect, it } from 'vitest'
import { toCampaignReturnData, type CampaignResultInput } from './campaign-data'

const row = (id: string, name: string, returnOnCost: number | null): CampaignResultInput => ({
  campaign: { id, name },
  leads: 10,
  opportunities: 4,
  won: 2,
  wonAmounts: [{ amount: '5000.00', currency: 'EUR' }],
  returnOnCost,
})

describe('toCampaignReturnData', () => {
  it('gives the return in percent, highest first, campaigns without cost last', () => {
    const data = toCampaignReturnData([
      row('a', 'Mailing', null),
      row('b', 'Fair', 1.2345),
      row('c', 'Webinar', 3),
      row('d', 'Advert', null),
    ])
    expect(data.map((d) => [d.name, d.returnPercent, d.hasReturn])).toEqual([
      ['Webinar', 300, true],
      ['Fair', 123.5, true],
      ['Advert', 0, false],
      ['Mailing', 0, false],
    ])
  })

  it('keeps the counts for the data table', () => {
    expect(toCampaignReturnData([row('b', 'Fair', 0)])[0]).toEqual({
      id: 'b',
      name: 'Fair',
      returnPercent: 0,
      hasReturn: true,
      leads: 10,
      opportunities: 4,
      won: 2,
    })
  })

  it('is empty without campaigns', () => {
    expect(toCampaignReturnData([])).toEqual([])
  })
})
