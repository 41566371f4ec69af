import type { UserErrorLike } from '../../../lib/user-errors'
import type { SavePipelineInput } from '../../../gql/graphql'

/** The languages the settings page names stages in, besides the default name. */
export const NAME_LANGUAGES = ['ru', 'zh-CN'] as const

/** Names per language (`{ ru: '…' }`); a blank one is left out when saving. */
export type Names = Record<string, string>

/** The API's `names` list as a map, for editing. */
export function namesOf(list: readonly { language: string; name: string }[]): Names {
  return Object.fromEntries(list.map(({ language, name }) => [language, name]))
}

/** The names to save: trimmed, blank ones left out. */
export function toNamesInput(names: Names): { language: string; name: string }[] {
  return Object.entries(names)
    .map(([language, name]) => ({ language, name: name.trim() }))
    .filter(({ name }) => name !== '')
}

/** One row of the stage editor; `id` is absent for a stage added in the editor. */
export type StageRow = {
  /** Stable key for React, also for new stages. */
  key: string
  id?: string
  /** The default name, shown in a language without its own. */
  name: string
  names: Names
  probability: string
  closesAsWon: boolean
}

export type PipelineFormValues = {
  id: string
  version: number
  name: string
  names: Names
  requiresLostReason: boolean
  stages: StageRow[]
}

/** Moves the row at `index` by `delta` (-1 up, +1 down); out-of-range moves change nothing. */
export function moveStage(stages: readonly StageRow[], index: number, delta: -1 | 1): StageRow[] {
  const target = index + delta
  if (index < 0 || index >= stages.length || target < 0 || target >= stages.length) {
    return [...stages]
  }
  const next = [...stages]
  next.splice(target, 0, ...next.splice(index, 1))
  return next
}

/** The editor's values as `SavePipelineInput`: stages in the shown order, new ones without id. */
export function toSavePipelineInput(values: PipelineFormValues): SavePipelineInput {
  return {
    id: values.id,
    expectedVersion: values.version,
    name: values.name,
    names: toNamesInput(values.names),
    requiresLostReason: values.requiresLostReason,
    makeDefault: true,
    stages: values.stages.map((stage) => ({
      ...(stage.id ? { id: stage.id } : {}),
      name: stage.name.trim(),
      names: toNamesInput(stage.names),
      probability: Number.parseInt(stage.probability, 10),
      closesAsWon: stage.closesAsWon,
    })),
  }
}

/** Checks made before sending, shaped like server errors (paths as in `SavePipelineInput`). */
export function validatePipeline(values: PipelineFormValues): UserErrorLike[] {
  const errors: UserErrorLike[] = []
  values.stages.forEach((stage, index) => {
    if (!stage.name.trim()) {
      errors.push({
        field: ['input', 'stages', String(index), 'name'],
        code: 'REQUIRED',
        message: '',
      })
    }
    const probability = stage.probability.trim()
    const number = Number(probability)
    if (!/^\d+$/.test(probability) || number > 100) {
      errors.push({
        field: ['input', 'stages', String(index), 'probability'],
        code: 'INVALID_VALUE',
        message: '',
      })
    }
  })
  return errors
}

/** The field keys the editor shows, for `mapUserErrors` (anything else is shown on top). */
export function pipelineFieldKeys(stageCount: number): string[] {
  const keys: string[] = []
  for (let i = 0; i < stageCount; i++) {
    keys.push(`stages.${i}`, `stages.${i}.name`, `stages.${i}.probability`)
    // errors in `stages.${i}.names…` show at the row's name fields
    keys.push(`stages.${i}.closesAsWon`)
  }
  return keys
}
