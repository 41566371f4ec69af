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
        id
        name
        position
        probability
        closesAsWon
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

/** The lost reasons with what the settings edit: each language's name and the version. */
export const LostReasonSettingsQuery = graphql(`
  query LostReasonSettings {
    lostReasons {
      id
      name
      defaultName
      names {
        language
        name
      }
      version
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

export const PipelineSettingsQuery = graphql(`
  query PipelineSettings {
    pipelines {
      id
      defaultName
      names {
        language
        name
      }
      isDefault
      requiresLostReason
      version
      stages {
        id
        name
        position
        probability
        closesAsWon
        defaultName
        names {
          language
          name
        }
      }
    }
  }
`)

export const SavePipelineMutation = graphql(`
  mutation SavePipeline($input: SavePipelineInput!) {
    savePipeline(input: $input) {
      pipeline {
        id
        version
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`)

export const AddLostReasonMutation = graphql(`
  mutation AddLostReason($input: AddLostReasonInput!) {
    addLostReason(input: $input) {
      lostReason {
        id
        name
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`)

export const UpdateLostReasonMutation = graphql(`
  mutation UpdateLostReason($input: UpdateLostReasonInput!) {
    updateLostReason(input: $input) {
      lostReason {
        id
        name
        defaultName
        names {
          language
          name
        }
        version
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`)
