import { describe, expect, it } from 'vitest'
import { summariseByStage } from './pipeline'

const stage = (id: string, position: number) => ({ id, name: id, position })

describe('the portal pipeline', () => {
  it('sums the report per stage, in stage order, exactly per currency', () => {
    expect(
      summariseByStage([
        { stage: stage('Proposal', 3), currency: 'EUR', count: 1, amount: '0.10' },
        { stage: stage('Lead', 1), currency: 'EUR', count: 2, amount: '1000.00' },
        { stage: stage('Proposal', 3), currency: 'EUR', count: 2, amount: '0.20' },
        { stage: stage('Proposal', 3), currency: 'USD', count: 1, amount: '5.00' },
      ]),
    ).toEqual([
      { id: 'Lead', name: 'Lead', count: 2, amounts: [{ currency: 'EUR', amount: '1000.00' }] },
      {
        id: 'Proposal',
        name: 'Proposal',
        count: 4,
        amounts: [
          { currency: 'EUR', amount: '0.30' },
          { currency: 'USD', amount: '5.00' },
        ],
      },
    ])
  })
})
