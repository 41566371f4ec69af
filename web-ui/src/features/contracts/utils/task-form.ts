import type { CreateTaskInput, UpdateTaskInput } from '../../../gql/graphql'
import { normalizeDecimal } from '../../../lib/decimal'

/** What the side form edits; '' is "not given". */
export type TaskFormValues = {
  /** `work:<id>` or `task:<id>`: where a new task goes. */
  under: string
  name: string
  startOn: string
  endOn: string
  assigneeId: string
  plannedHours: string
  spentHours: string
  progress: string
}

export type TaskFormField = Exclude<keyof TaskFormValues, 'under'> | 'under'
export type TaskFormProblem = 'required' | 'endBeforeStart' | 'hours' | 'percent'

const HOURS = /^\d+(\.\d{1,2})?$/

/** The form's own checks before sending; the server checks again. */
export function validateTaskForm(
  values: TaskFormValues,
  isNew: boolean,
): Partial<Record<TaskFormField, TaskFormProblem>> {
  const problems: Partial<Record<TaskFormField, TaskFormProblem>> = {}
  if (isNew && !values.under) problems.under = 'required'
  if (!values.name.trim()) problems.name = 'required'
  if (!values.startOn) problems.startOn = 'required'
  if (!values.endOn) problems.endOn = 'required'
  else if (values.startOn && values.endOn < values.startOn) problems.endOn = 'endBeforeStart'
  for (const field of ['plannedHours', 'spentHours'] as const) {
    const value = normalizeDecimal(values[field])
    if (value && !HOURS.test(value)) problems[field] = 'hours'
  }
  const progress = values.progress.trim()
  if (progress && !(/^\d{1,3}$/.test(progress) && Number(progress) <= 100)) {
    problems.progress = 'percent'
  }
  return problems
}

const orNull = (value: string) => (value.trim() ? value.trim() : null)

export function toCreateTaskInput(values: TaskFormValues): CreateTaskInput {
  const [kind, id] = splitUnder(values.under)
  return {
    ...(kind === 'task' ? { parentId: id } : { workId: id }),
    name: values.name.trim(),
    startOn: values.startOn,
    endOn: values.endOn,
    assigneeId: orNull(values.assigneeId),
    plannedHours: orNull(normalizeDecimal(values.plannedHours)),
    spentHours: orNull(normalizeDecimal(values.spentHours)),
    progress: values.progress.trim() ? Number(values.progress) : null,
  }
}

/**
 * Only what changed: under the API's partial-update rules an explicit null clears a field, so an
 * untouched field is left out rather than sent as it was. A summary's dates, effort and progress
 * come from its subtasks and are never sent.
 */
export function toUpdateTaskInput(
  id: string,
  expectedVersion: number,
  before: TaskFormValues,
  after: TaskFormValues,
  summary: boolean,
): UpdateTaskInput {
  const input: UpdateTaskInput = { id, expectedVersion }
  if (after.name.trim() !== before.name.trim()) input.name = after.name.trim()
  if (after.assigneeId !== before.assigneeId) input.assigneeId = orNull(after.assigneeId)
  if (summary) return input
  if (after.startOn !== before.startOn) input.startOn = after.startOn
  if (after.endOn !== before.endOn) input.endOn = after.endOn
  for (const field of ['plannedHours', 'spentHours'] as const) {
    const value = normalizeDecimal(after[field])
    if (value !== normalizeDecimal(before[field])) input[field] = orNull(value)
  }
  if (after.progress.trim() !== before.progress.trim()) {
    input.progress = after.progress.trim() ? Number(after.progress) : null
  }
  return input
}

function splitUnder(under: string): ['work' | 'task', string] {
  const index = under.indexOf(':')
  const kind = under.slice(0, index) === 'task' ? 'task' : 'work'
  return [kind, under.slice(index + 1)]
}
