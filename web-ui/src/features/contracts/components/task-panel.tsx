import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useMutation, useQuery } from 'urql'
import { DateField } from '../../../components/date-field'
import { Detail, DetailList } from '../../../components/detail-list'
import { SelectField, TextField } from '../../../components/form-field'
import { QueryError } from '../../../components/status'
import { FormErrors } from '../../../components/user-error-list'
import type { FragmentType } from '../../../gql'
import type { GanttTaskFieldsFragment, GanttTaskFieldsFragmentDoc } from '../../../gql/graphql'
import { formatDate } from '../../../lib/format'
import { mapUserErrors, type UserErrorLike } from '../../../lib/user-errors'
import {
  ContractPeopleQuery,
  CreateTaskMutation,
  DeleteTaskMutation,
  UpdateTaskMutation,
} from '../api/contracts'
import { linkIdOf, type PlanDependency, type PlanStage } from '../utils/gantt'
import {
  toCreateTaskInput,
  toUpdateTaskInput,
  validateTaskForm,
  type TaskFormField,
  type TaskFormValues,
} from '../utils/task-form'

type TaskAnswer = {
  task?: { id: string } | null
  movedTasks: readonly FragmentType<typeof GanttTaskFieldsFragmentDoc>[]
  userErrors: readonly UserErrorLike[]
}

const FIELDS: readonly TaskFormField[] = [
  'under',
  'name',
  'startOn',
  'endOn',
  'assigneeId',
  'plannedHours',
  'spentHours',
  'progress',
]

const valuesOf = (task: GanttTaskFieldsFragment | undefined): TaskFormValues => ({
  under: '',
  name: task?.name ?? '',
  startOn: task?.startOn ?? '',
  endOn: task?.endOn ?? '',
  assigneeId: task?.assignee?.id ?? '',
  plannedHours: task?.plannedHours ?? '',
  spentHours: task?.spentHours ?? '',
  progress: task ? String(task.progress) : '',
})

/**
 * The side panel of the plan: a new task (under a work or as a subtask), or the selected task
 * with its dependencies — editable for those who plan, read-only for everyone else.
 */
export function TaskPanel({
  task,
  tasks,
  stages,
  dependencies,
  canPlan,
  onClose,
  onAnswered,
  onCreated,
  onDeleted,
  onUnlink,
}: {
  task: GanttTaskFieldsFragment | undefined
  tasks: readonly GanttTaskFieldsFragment[]
  stages: readonly PlanStage[]
  dependencies: readonly PlanDependency[]
  canPlan: boolean
  onClose: () => void
  onAnswered: (payload: TaskAnswer | null | undefined, id?: string) => boolean
  onCreated: (id: string) => void
  onDeleted: () => void
  onUnlink: (linkId: string) => void
}) {
  const { t, i18n } = useTranslation('contracts')
  const lang = i18n.language
  const [people] = useQuery({ query: ContractPeopleQuery, pause: !canPlan })
  const [created, createTask] = useMutation(CreateTaskMutation)
  const [updated, updateTask] = useMutation(UpdateTaskMutation)
  const [deleted, deleteTask] = useMutation(DeleteTaskMutation)
  const initial = valuesOf(task)
  const [values, setValues] = useState<TaskFormValues>(initial)
  const [checked, setChecked] = useState(false)
  const [errors, setErrors] = useState<readonly UserErrorLike[]>([])
  const isNew = !task
  const problems = checked ? validateTaskForm(values, isNew) : {}
  const mapped = mapUserErrors(errors, FIELDS)
  const set = (field: keyof TaskFormValues) => (value: string) =>
    setValues((current) => ({ ...current, [field]: value }))
  const problemText = (field: TaskFormField) => {
    const problem = problems[field]
    return problem ? t(`taskForm.${problem}`) : null
  }
  const fieldErrors = (field: TaskFormField) => mapped.byField[field]
  // a date field shows the form's own finding among its errors
  const dateErrors = (field: 'startOn' | 'endOn'): UserErrorLike[] => {
    const problem = problems[field]
    const own: UserErrorLike[] = problem
      ? [
          {
            code: problem === 'required' ? 'REQUIRED' : 'INVALID_VALUE',
            message: t(`taskForm.${problem}`),
          },
        ]
      : []
    return [...own, ...(mapped.byField[field] ?? [])]
  }
  const nameOf = (id: string) => tasks.find((candidate) => candidate.id === id)?.name ?? ''
  const busy = created.fetching || updated.fetching || deleted.fetching
  const summary = Boolean(task?.summary)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setChecked(true)
    if (Object.keys(validateTaskForm(values, isNew)).length > 0) return
    if (!task) {
      const payload = (await createTask({ input: toCreateTaskInput(values) })).data?.createTask
      setErrors(payload?.userErrors ?? [])
      if (onAnswered(payload, payload?.task?.id) && payload?.task) onCreated(payload.task.id)
      return
    }
    const input = toUpdateTaskInput(task.id, task.version, initial, values, summary)
    const payload = (await updateTask({ input })).data?.updateTask
    setErrors(payload?.userErrors ?? [])
    onAnswered(payload, task.id)
  }

  const remove = async () => {
    if (!task || !window.confirm(t('taskForm.confirmDelete', { name: task.name }))) return
    const payload = (await deleteTask({ input: { id: task.id, expectedVersion: task.version } }))
      .data?.deleteTask
    setErrors(payload?.userErrors ?? [])
    if (payload?.deletedId) onDeleted()
  }

  const underOptions = [
    ...stages.flatMap((stage) =>
      stage.works.map((work) => ({
        value: `work:${work.id}`,
        label: t('taskForm.work', { name: work.name }),
      })),
    ),
    ...tasks.map((candidate) => ({
      value: `task:${candidate.id}`,
      label: t('taskForm.subtaskOf', { name: candidate.name }),
    })),
  ]
  const predecessors = task ? dependencies.filter((d) => d.successor.id === task.id) : []
  const successors = task ? dependencies.filter((d) => d.predecessor.id === task.id) : []
  const title = task ? t('taskForm.editTitle', { name: task.name }) : t('taskForm.newTitle')
  const mutationError = created.error ?? updated.error ?? deleted.error

  return (
    <aside className="task-panel" aria-labelledby="task-panel-title">
      <div className="card-header">
        <h3 id="task-panel-title">{title}</h3>
        <button type="button" className="button" onClick={onClose}>
          {t('taskForm.close')}
        </button>
      </div>
      {mutationError ? <QueryError error={mutationError} /> : null}
      <FormErrors errors={mapped.general} title={t('gantt.problems')} />
      {canPlan ? (
        <form className="form task-form" noValidate onSubmit={(event) => void submit(event)}>
          {isNew ? (
            <SelectField
              label={t('taskForm.under')}
              required
              value={values.under}
              onChange={set('under')}
              emptyLabel=""
              options={underOptions}
              errors={fieldErrors('under')}
              inputError={problemText('under')}
            />
          ) : null}
          <TextField
            label={t('taskForm.name')}
            required
            value={values.name}
            onChange={set('name')}
            maxLength={200}
            errors={fieldErrors('name')}
            inputError={problemText('name')}
          />
          {summary ? <p className="muted">{t('gantt.summaryHint')}</p> : null}
          <DateField
            label={t('taskForm.startOn')}
            required
            value={values.startOn}
            onChange={set('startOn')}
            errors={summary ? undefined : dateErrors('startOn')}
          />
          <DateField
            label={t('taskForm.endOn')}
            required
            value={values.endOn}
            onChange={set('endOn')}
            min={values.startOn || undefined}
            errors={summary ? undefined : dateErrors('endOn')}
          />
          <SelectField
            label={t('taskForm.assignee')}
            value={values.assigneeId}
            onChange={set('assigneeId')}
            emptyLabel={t('taskForm.nobody')}
            options={(people.data?.users ?? []).map((user) => ({
              value: user.id,
              label: user.name,
            }))}
            errors={fieldErrors('assigneeId')}
          />
          {summary ? null : (
            <>
              <TextField
                label={t('taskForm.plannedHours')}
                value={values.plannedHours}
                onChange={set('plannedHours')}
                errors={fieldErrors('plannedHours')}
                inputError={problemText('plannedHours')}
              />
              <TextField
                label={t('taskForm.spentHours')}
                value={values.spentHours}
                onChange={set('spentHours')}
                errors={fieldErrors('spentHours')}
                inputError={problemText('spentHours')}
              />
              <TextField
                label={t('taskForm.progress')}
                value={values.progress}
                onChange={set('progress')}
                errors={fieldErrors('progress')}
                inputError={problemText('progress')}
              />
            </>
          )}
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={busy}>
              {isNew ? t('taskForm.create') : t('taskForm.save')}
            </button>
            {task ? (
              <button
                type="button"
                className="button"
                disabled={busy}
                onClick={() => void remove()}
              >
                {t('taskForm.delete')}
              </button>
            ) : null}
          </div>
        </form>
      ) : task ? (
        <DetailList>
          <Detail label={t('taskForm.startOn')}>{formatDate(task.startOn, lang)}</Detail>
          <Detail label={t('taskForm.endOn')}>{formatDate(task.endOn, lang)}</Detail>
          <Detail label={t('taskForm.assignee')}>
            {task.assignee?.name ?? t('taskForm.nobody')}
          </Detail>
          <Detail label={t('taskForm.plannedHours')}>{task.plannedHours ?? '—'}</Detail>
          <Detail label={t('taskForm.spentHours')}>{task.spentHours ?? '—'}</Detail>
          <Detail label={t('taskForm.progress')}>{task.progress}</Detail>
        </DetailList>
      ) : null}
      {task && predecessors.length + successors.length > 0 ? (
        <div className="task-links">
          <h4>{t('gantt.dependencies')}</h4>
          <ul>
            {[...predecessors, ...successors].map((dependency) => {
              const from = nameOf(dependency.predecessor.id)
              const to = nameOf(dependency.successor.id)
              const after = dependency.successor.id === task.id
              return (
                <li key={linkIdOf(dependency)}>
                  {after ? t('gantt.after') : t('gantt.before')}: {after ? from : to}
                  {canPlan ? (
                    <>
                      {' '}
                      <button
                        type="button"
                        className="button button-small"
                        aria-label={t('gantt.removeLinkLabel', { from, to })}
                        onClick={() => onUnlink(linkIdOf(dependency))}
                      >
                        {t('gantt.removeLink')}
                      </button>
                    </>
                  ) : null}
                </li>
              )
            })}
          </ul>
        </div>
      ) : null}
    </aside>
  )
}
