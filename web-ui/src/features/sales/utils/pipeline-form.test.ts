import { describe, expect, it } from 'vitest'
import { moveStage, toSavePipelineInput, type StageRow } from './pipeline-form'

const row = (patch: Partial<StageRow> & { key: string }): StageRow => ({
  name: 'Stage',
  names: {},
  probability: '10',
  closesAsWon: false,
  ...patch,
})

describe('toSavePipelineInput', () => {
  it('keeps ids, follows the shown order and sends new stages without id', () => {
    const stages = moveStage(
      [
        row({ key: 's1', id: 'st-1', name: 'Lead', names: { ru: ' Лид ', 'zh-CN': ' ' } }),
        row({ key: 's2', id: 'st-2', name: 'Offer', probability: '50' }),
        row({ key: 's3', id: 'st-3', name: 'Won', probability: '100', closesAsWon: true }),
        row({ key: 'new-1', name: ' Negotiation ', probability: '70' }),
      ],
      3,
      -1,
    )
    const input = toSavePipelineInput({
      id: 'p-1',
      version: 7,
      name: 'Default',
      names: { ru: 'Продажи' },
      requiresLostReason: false,
      stages,
    })
    expect(input).toEqual({
      id: 'p-1',
      expectedVersion: 7,
      name: 'Default',
      // names per language trimmed, blank ones left out
      names: [{ language: 'ru', name: 'Продажи' }],
      requiresLostReason: false,
      makeDefault: true,
      stages: [
        {
          id: 'st-1',
          name: 'Lead',
          names: [{ language: 'ru', name: 'Лид' }],
          probability: 10,
          closesAsWon: false,
        },
        { id: 'st-2', name: 'Offer', names: [], probability: 50, closesAsWon: false },
        { name: 'Negotiation', names: [], probability: 70, closesAsWon: false },
        { id: 'st-3', name: 'Won', names: [], probability: 100, closesAsWon: true },
      ],
    })
    expect(input.stages[2]).not.toHaveProperty('id')
  })
})
