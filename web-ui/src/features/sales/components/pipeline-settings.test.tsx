import { screen, within } from '@testing-library/react'
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

const reason = (
  id: string,
  defaultName: string,
  version: number,
  names: { language: string; name: string }[] = [],
) => ({
  __typename: 'LostReason',
  id,
  name: names.find((n) => n.language === 'en')?.name ?? defaultName,
  defaultName,
  names: names.map((n) => ({ __typename: 'LocalizedName', ...n })),
  version,
})

const pipeline = {
  __typename: 'Pipeline',
  id: 'p1',
  defaultName: 'Default',
  names: [],
  isDefault: true,
  requiresLostReason: true,
  version: 1,
  stages: [stage('s1', 'Lead', 1, 10)],
}

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
      LostReasonSettings: () => ({ lostReasons: [reason('r1', 'Price', 1)] }),
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

  describe('renaming a lost reason per language', () => {
    it('sends the names with the version read and shows the new name', async () => {
      let saved = reason('r1', 'Price', 2, [{ language: 'ru', name: 'Цена' }])
      const stub = createStubClient({
        PipelineSettings: () => ({ pipelines: [pipeline] }),
        LostReasonSettings: () => ({ lostReasons: [saved, reason('r2', 'Competitor', 1)] }),
        UpdateLostReason: ({ input }) => {
          saved = reason('r1', 'Price', 3, [...input.names])
          return { updateLostReason: { lostReason: saved, userErrors: [] } }
        },
      })
      renderWithProviders(<PipelineSettings />, { client: stub.client })
      const user = userEvent.setup()

      await user.click(await screen.findByRole('button', { name: 'Rename Price' }))
      const form = screen.getByRole('form', { name: 'Names of “Price”' })
      expect(within(form).getByLabelText('“Price” in Russian')).toHaveValue('Цена')
      expect(within(form).getByLabelText('“Price” in English')).toHaveValue('')
      await user.type(within(form).getByLabelText('“Price” in English'), 'Too expensive')
      await user.clear(within(form).getByLabelText('“Price” in Russian'))
      await user.type(within(form).getByLabelText('“Price” in Russian'), 'Слишком дорого')
      await user.type(within(form).getByLabelText('“Price” in Chinese'), '太贵')
      await user.click(within(form).getByRole('button', { name: 'Save names' }))

      expect(await screen.findByText('The names of “Price” were saved.')).toHaveAttribute(
        'role',
        'status',
      )
      expect(screen.queryByRole('form', { name: 'Names of “Price”' })).toBeNull()
      // the list shows the English name now, with the default name beside it
      expect(await screen.findByText('Too expensive')).toBeVisible()
      expect(screen.getByText('(Price)')).toBeVisible()
      expect(stub.variablesOf('UpdateLostReason')).toEqual([
        {
          input: {
            id: 'r1',
            expectedVersion: 2,
            names: [
              { language: 'ru', name: 'Слишком дорого' },
              { language: 'en', name: 'Too expensive' },
              { language: 'zh-CN', name: '太贵' },
            ],
          },
        },
      ])
    })

    it('says when the reason was changed meanwhile and reloads it on request', async () => {
      let current = reason('r1', 'Price', 2)
      const stub = createStubClient({
        PipelineSettings: () => ({ pipelines: [pipeline] }),
        LostReasonSettings: () => ({ lostReasons: [current] }),
        UpdateLostReason: () => ({
          updateLostReason: {
            lostReason: null,
            userErrors: [
              {
                field: ['input', 'expectedVersion'],
                code: 'STALE_VERSION',
                message:
                  'Someone else changed this lost reason since you read it (now at version 3): reload and apply your change again.',
              },
            ],
          },
        }),
      })
      renderWithProviders(<PipelineSettings />, { client: stub.client })
      const user = userEvent.setup()

      await user.click(await screen.findByRole('button', { name: 'Rename Price' }))
      await user.type(screen.getByLabelText('“Price” in Russian'), 'Дорого')
      await user.click(screen.getByRole('button', { name: 'Save names' }))
      expect(await screen.findByText(/now at version 3/)).toBeVisible()

      // someone else named it in Russian meanwhile: "Reload" shows their name in the form
      current = reason('r1', 'Price', 3, [{ language: 'ru', name: 'Цена' }])
      await user.click(screen.getByRole('button', { name: 'Reload the reasons' }))
      expect(await screen.findByDisplayValue('Цена')).toBeVisible()
      expect(screen.getByLabelText('“Price” in Russian')).toHaveValue('Цена')
      expect(screen.queryByText(/now at version 3/)).toBeNull()
      expect(screen.queryByText(/were saved/)).toBeNull()
    })
  })
})
