import { useQuery } from 'urql'
import { graphql } from '../../../gql'

/** The company's pipelines, the default first, with their stages. */
export const PipelinesQuery = graphql(`
  query SalesPipelines {
    pipelines {
      id
      name
      isDefault
      requiresLostReason
      stages {
        ...StageFields
      }
    }
  }
`)

export const LostReasonsQuery = graphql(`
  query LostReasons {
    lostReasons {
      id
      name
    }
  }
`)

/** The default pipeline (the first one the API lists) with its stages in order. */
export function useDefaultPipeline() {
  const [result, reexecute] = useQuery({ query: PipelinesQuery })
  const pipelines = result.data?.pipelines ?? []
  const pipeline = pipelines.find((p) => p.isDefault) ?? pipelines[0]
  const stages = pipeline ? [...pipeline.stages].sort((a, b) => a.position - b.position) : []
  return {
    pipeline,
    stages,
    fetching: result.fetching,
    error: result.error,
    loaded: result.data !== undefined,
    reexecute,
  }
}
