import { screen, within } from '@testing-library/react'
import type { OperationDefinitionNode } from 'graphql'
import { Client, makeErrorResult, makeResult, type Exchange, type Operation } from 'urql'
import { filter, map, pipe } from 'wonka'
import { describe, expect, it } from 'vitest'
import { renderWithProviders } from '../../../testing/render'
import { SalesDashboard } from './sales-dashboard'

const nameOf = (operation: Operation) =>
  operation.query.definitions.find(
    (node): node is OperationDefinitionNode => node.kind === 'OperationDefinition',
  )?.name?.value

/** Answers some reports, fails one and never answers the funnel: each card on its own. */
function clientWith(answers: Record<string, object>, failing: string, pending: string) {
  const exchange: Exchange = () => (operations$) =>
    pipe(
      operations$,
      filter((operation) => operation.kind !== 'teardown' && nameOf(operation) !== pending),
      map((operation) => {
        const name = nameOf(operation) ?? ''
        if (name === failing) return makeErrorResult(operation, new Error('boom'))
        return makeResult(operation, { data: answers[name] ?? null })
      }),
    )
  return new Client({ url: '/graphql', exchanges: [exchange] })
}

const EMPTY = {
  DashboardWinLoss: {
    winLossReport: { __typename: 'WinLossReport', won: 0, lost: 0, winRate: null, lostReasons: [] },
  },
  DashboardPipeline: { pipelineReport: [] },
  DashboardForecast: { forecastReport: [] },
  DashboardStageDuration: { stageDurationReport: [] },
  CampaignReport: { campaignReport: [] },
}

describe('SalesDashboard', () => {
  it('loads every card on its own: one still loading or failing holds up no other', async () => {
    const client = clientWith(EMPTY, 'DashboardForecast', 'DashboardFunnel')
    renderWithProviders(<SalesDashboard />, { client })

    const card = (name: string) => screen.getByRole('region', { name })
    // the funnel never answers, and says so only in its own card
    expect(within(card('Funnel')).getByRole('status')).toHaveTextContent('Loading')
    // the forecast failed, in its card only
    expect(await within(card('Forecast by month')).findByRole('alert')).toBeInTheDocument()
    // the others answered, each with why it has nothing to draw
    expect(
      within(card('Won and lost')).getByText(/^No deals were won or lost between/),
    ).toBeVisible()
    expect(
      within(card('Open pipeline by stage')).getByText('There are no open deals that you can see.'),
    ).toBeVisible()
    expect(
      within(card('Average days in stage')).getByText(
        'No deal you can see has moved on from a stage yet.',
      ),
    ).toBeVisible()
    expect(within(card('Campaign return')).getByText('There are no campaigns yet.')).toBeVisible()
  })
})
