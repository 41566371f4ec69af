import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { renderWithProviders } from '../../../testing/render'
import { createStubClient } from '../../../testing/urql'
import { PipelineSettings } from './pipeline-settings'

const stage = (
  id: string,
  name: string,
  position: number,
  probability: number,
  names: { language: string; name: string }[] = [],
) => ({
  __typename: 'Stage',
  id,
  name,
  defaultName: name,
  names: names.map((n) => ({ __typename: 'LocalizedName', ...n })),
  position,
  probability,
  closesAsWon: false,
})

describe('PipelineSettings', () => {
  it('saves the edited stages and shows errors at the stage and on top', async () => {
    const stub = createStubClient({
      PipelineSettings: () => ({
        pipelines: [
          {
            __typename: 'Pipeline',
            id: 'p1',
            defaultName: 'Default',
            names: [{ __typename: 'LocalizedName', language: 'ru', name: 'Продажи' }],
            isDefault: true,
            requiresLostReason: true,
            version: 3,
            stages: [
              stage('s2', 'Offer', 2, 50),
              stage('s1', 'Lead', 1, 10, [{ language: 'ru', name: 'Лид' }]),
            ],
          },
        ],
      }),
      LostReasons: () => ({ lostReasons: [{ __typename: 'LostReason', id: 'r1', name: 'Price' }] }),
      SavePipeline: () => ({
        savePipeline: {
          __typename: 'PipelinePayload',
          pipeline: null,
          userErrors: [
            {
              __typename: 'UserError',
              field: ['input', 'stages', '0', 'probability'],
              code: 'INVALID_VALUE',
              message: 'out of range',
            },
            {
              __typename: 'UserError',
              field: ['input', 'stages'],
              code: 'CONFLICT',
              message: 'a stage left out still has deals',
            },
          ],
        },
      }),
    })
    renderWithProviders(<PipelineSettings />, { client: stub.client })
    const user = userEvent.setup()

    expect(await screen.findByLabelText(/^Name of stage 1(?! in)/)).toHaveValue('Lead')
    expect(screen.getByLabelText('Name of stage 1 in Russian')).toHaveValue('Лид')
    expect(screen.getByText('Price')).toBeVisible()
    await user.click(screen.getByRole('button', { name: 'Move Offer up' }))
    await user.click(screen.getByRole('button', { name: 'Add stage' }))
    await user.type(screen.getByLabelText(/^Name of stage 3(?! in)/), 'Contract')
    await user.type(screen.getByLabelText('Name of stage 3 in Chinese'), '合同')
    await user.clear(screen.getByLabelText('Probability of Contract (%)'))
    await user.type(screen.getByLabelText('Probability of Contract (%)'), '90')
    await user.click(screen.getByRole('button', { name: 'Save pipeline' }))

    expect(await screen.findByRole('button', { name: 'Reload the pipeline' })).toBeVisible()
    expect(screen.getByLabelText('Probability of Offer (%)')).toHaveAttribute(
      'aria-invalid',
      'true',
    )
    expect(stub.variablesOf('SavePipeline')).toEqual([
      {
        input: {
          id: 'p1',
          expectedVersion: 3,
          name: 'Default',
          names: [{ language: 'ru', name: 'Продажи' }],
          requiresLostReason: true,
          makeDefault: true,
          stages: [
            { id: 's2', name: 'Offer', names: [], probability: 50, closesAsWon: false },
            {
              id: 's1',
              name: 'Lead',
              names: [{ language: 'ru', name: 'Лид' }],
              probability: 10,
              closesAsWon: false,
            },
            {
              name: 'Contract',
              names: [{ language: 'zh-CN', name: '合同' }],
              probability: 90,
              closesAsWon: false,
            },
          ],
        },
      },
    ])
  })
})
