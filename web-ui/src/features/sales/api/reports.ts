import { graphql } from '../../../gql'

export const FunnelReportQuery = graphql(`
  query DashboardFunnel($from: Date!, $to: Date!) {
    funnelReport(from: $from, to: $to) {
      stage {
        id
        name
        position
      }
      reached
      conversionToNext
    }
  }
`)

export const WinLossReportQuery = graphql(`
  query DashboardWinLoss($from: Date!, $to: Date!) {
    winLossReport(from: $from, to: $to) {
      won
      lost
      winRate
      lostReasons {
        reason {
          id
          name
        }
        count
      }
    }
  }
`)

export const PipelineReportQuery = graphql(`
  query DashboardPipeline {
    pipelineReport {
      stage {
        id
        name
        position
      }
      owner {
        id
        name
      }
      currency
      count
      amount
      weightedAmount
    }
  }
`)

export const ForecastReportQuery = graphql(`
  query DashboardForecast($months: Int) {
    forecastReport(months: $months) {
      month
      currency
      count
      amount
      weightedAmount
    }
  }
`)

export const StageDurationReportQuery = graphql(`
  query DashboardStageDuration {
    stageDurationReport {
      stage {
        id
        name
        position
      }
      stays
      averageDays
    }
  }
`)
