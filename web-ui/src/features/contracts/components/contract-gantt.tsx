import { Locale } from '@svar-ui/react-core'
import { Gantt, Willow, type IApi, type IScaleConfig } from '@svar-ui/react-gantt'
import '@svar-ui/react-gantt/all.css'
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useMutation } from 'urql'
import { SelectField } from '../../../components/form-field'
import { QueryError } from '../../../components/status'
import { FormErrors } from '../../../components/user-error-list'
import { graphql, useFragment, type FragmentType } from '../../../gql'
import { GanttTaskFieldsFragmentDoc, type GanttTaskFieldsFragment } from '../../../gql/graphql'
import { formatDate } from '../../../lib/format'
import { readFragment } from '../../../lib/read-fragment'
import type { UserErrorLike } from '../../../lib/user-errors'
import {
  AddTaskDependencyMutation,
  RemoveTaskDependencyMutation,
  UpdateTaskMutation,
} from '../api/contracts'
import {
  applyMovedTasks,
  barOf,
  datesOfBar,
  dependencyOfDrawnLink,
  droppedBar,
  dependencyOfLinkId,
  isCurrentPeriod,
  isTaskRow,
  toGanttLinks,
  toGanttRows,
  withDependency,
  type GanttScale,
  type PlanDependency,
} from '../utils/gantt'
import { chartWords } from '../utils/gantt-words'
import { TaskPanel } from './task-panel'

const GanttTaskFields = graphql(`
  fragment GanttTaskFields on Task {
    id
    name
    startOn
    endOn
    durationDays
    progress
    summary
    position
    version
    plannedHours
    spentHours
    assignee {
      id
      name
    }
    parent {
      id
    }
    work {
      id
    }
  }
`)

const ContractPlanFields = graphql(`
  fragment ContractPlanFields on Contract {
    id
    stages {
      id
      name
      position
      works {
        id
        name
        late
      }
    }
    tasks {
      id
      ...GanttTaskFields
    }
    dependencies {
      predecessor {
        id
      }
      successor {
        id
      }
    }
  }
`)

/** Marks the events the chart gets from the app (a snap back, the server's dates), not the user. */
const FROM_APP = 'dealerdesk'

type Panel = { mode: 'new' } | { mode: 'task'; id: string } | null

/**
 * The contract's plan as a Gantt chart (`@svar-ui/react-gantt`): stages and works as group rows,
 * tasks and subtasks as a tree, dependencies as links. Those who plan drag a bar to move or
 * resize it, draw a link from a task's end to another's start, and add or edit tasks in the side
 * panel; the chart shows what the API answered (tasks pushed later by dependencies too) and
 * snaps a bar back when the change is refused.
 */
export function ContractGantt({
  plan: planRef,
  canPlan,
}: {
  plan: FragmentType<typeof ContractPlanFields>
  canPlan: boolean
}) {
  const { t, i18n } = useTranslation('contracts')
  const lang = i18n.language
  const plan = useFragment(ContractPlanFields, planRef)
  const serverTasks = useFragment(GanttTaskFields, plan.tasks)
  // what the chart shows: the server's plan, with the answers to this user's changes applied
  const [held, setHeld] = useState({
    source: plan,
    tasks: serverTasks as readonly GanttTaskFieldsFragment[],
    dependencies: plan.dependencies as readonly PlanDependency[],
  })
  if (held.source !== plan) {
    setHeld({ source: plan, tasks: serverTasks, dependencies: plan.dependencies })
  }
  const [scale, setScale] = useState<GanttScale>('days')
  const [panel, setPanel] = useState<Panel>(null)
  const [errors, setErrors] = useState<readonly UserErrorLike[]>([])
  // kept as what to say, not the words: a change of language while it shows re-translates it
  const [notice, setNotice] = useState<
    | { key: 'gantt.moved'; count: number }
    | { key: 'gantt.onlyFinishToStart' | 'gantt.onlyTasks' }
    | null
  >(null)
  const [, updateTask] = useMutation(UpdateTaskMutation)
  const [linked, addDependency] = useMutation(AddTaskDependencyMutation)
  const [unlinked, removeDependency] = useMutation(RemoveTaskDependencyMutation)
  const apiRef = useRef<IApi | null>(null)

  const rows = useMemo(() => toGanttRows(plan.stages, held.tasks), [plan.stages, held.tasks])
  const links = useMemo(() => toGanttLinks(held.dependencies), [held.dependencies])
  const [today] = useState(() => new Date())
  const scales = useMemo(() => scalesOf(scale, lang, today), [scale, lang, today])
  const columns = useMemo(
    () => [
      { id: 'text', header: t('gantt.name'), flexgrow: 1 },
      {
        id: 'start',
        header: t('gantt.start'),
        width: 110,
        align: 'center' as const,
        template: (value: Date) => formatDate(value.toISOString(), lang),
      },
      { id: 'duration', header: t('gantt.days'), width: 76, align: 'center' as const },
    ],
    [t, lang],
  )

  const answered = (
    payload:
      | {
          movedTasks: readonly FragmentType<typeof GanttTaskFieldsFragmentDoc>[]
          userErrors: readonly UserErrorLike[]
        }
      | null
      | undefined,
    changedId?: string,
  ): boolean => {
    if (!payload) return false
    setErrors(payload.userErrors)
    if (payload.userErrors.length > 0) return false
    const moved = readFragment(GanttTaskFieldsFragmentDoc, payload.movedTasks)
    setHeld((current) => ({ ...current, tasks: applyMovedTasks(current.tasks, moved) }))
    // the chart keeps its own copy of the bars once drawn: move the others there too
    for (const task of moved) {
      if (task.id !== changedId) {
        apiRef.current?.exec('update-task', {
          id: task.id,
          task: barOf(task),
          eventSource: FROM_APP,
        })
      }
    }
    const others = moved.filter((task) => task.id !== changedId).length
    setNotice(others > 0 ? { key: 'gantt.moved', count: others } : null)
    return true
  }

  const snapBack = (task: GanttTaskFieldsFragment) => {
    apiRef.current?.exec('update-task', { id: task.id, task: barOf(task), eventSource: FROM_APP })
  }

  // the chart calls these from its own event loop: they must see the latest plan
  const handlers = useRef({
    unit: 'day' as 'day' | 'week' | 'month',
    moved: async (_id: string, _start: Date, _end: Date) => {},
    linked: async (_link: {
      source?: string | number
      target?: string | number
      type?: string
    }) => {},
    unlinked: async (_id: string | number) => {},
    opened: (_id: string | number) => {},
  })
  useLayoutEffect(() => {
    handlers.current = {
      unit: scales.lengthUnit,
      moved: async (id, start, end) => {
        const task = held.tasks.find((candidate) => candidate.id === id)
        if (!task || task.summary) return
        const dates = datesOfBar(start, end)
        if (dates.startOn === task.startOn && dates.endOn === task.endOn) {
          snapBack(task)
          return
        }
        setNotice(null)
        const result = await updateTask({
          input: { id, expectedVersion: task.version, ...dates },
        })
        if (!answered(result.data?.updateTask, id)) snapBack(task)
        if (result.error) setErrors([{ code: 'INVALID_VALUE', message: result.error.message }])
      },
      linked: async (link) => {
        const dependency = dependencyOfDrawnLink(link)
        if (!dependency.ok) {
          setErrors([])
          setNotice({
            key: dependency.reason === 'type' ? 'gantt.onlyFinishToStart' : 'gantt.onlyTasks',
          })
          return
        }
        const input = {
          predecessorId: dependency.predecessorId,
          successorId: dependency.successorId,
        }
        const result = await addDependency({ input })
        if (answered(result.data?.addTaskDependency, input.successorId)) {
          setHeld((current) => ({
            ...current,
            dependencies: withDependency(current.dependencies, input, true),
          }))
        }
      },
      unlinked: async (id) => {
        const input = dependencyOfLinkId(id)
        if (!input) return
        const result = await removeDependency({ input })
        if (answered(result.data?.removeTaskDependency, input.successorId)) {
          setHeld((current) => ({
            ...current,
            dependencies: withDependency(current.dependencies, input, false),
          }))
        }
      },
      opened: (id) => {
        if (isTaskRow(id)) setPanel({ mode: 'task', id: String(id) })
      },
    }
  })

  const init = useCallback((api: IApi) => {
    apiRef.current = api
    const draggable = (id: string | number) => {
      const row = api.getTask(id)
      return Boolean(row) && isTaskRow(id) && row.type === 'task'
    }
    api.intercept('drag-task', (event) => draggable(event.id))
    api.intercept('update-task', (event) => {
      if (event.eventSource === FROM_APP) return true
      if (!draggable(event.id)) return false
      if (event.inProgress) return true
      const current = api.getTask(event.id)
      if (!current.start || !current.end) return true
      const { start, end } = droppedBar(
        { start: current.start, end: current.end },
        event.task,
        event.diff,
        handlers.current.unit,
      )
      void handlers.current.moved(String(event.id), start, end)
      return true
    })
    api.intercept('add-link', (event) => {
      void handlers.current.linked(event.link)
      return false
    })
    api.intercept('delete-link', (event) => {
      void handlers.current.unlinked(event.id)
      return false
    })
    api.intercept('show-editor', (event) => {
      handlers.current.opened(event.id)
      return false
    })
    api.on('select-task', (event) => handlers.current.opened(event.id))
    // tasks are added, deleted and moved between parents through the side panel only
    for (const action of [
      'add-task',
      'delete-task',
      'move-task',
      'copy-task',
      'indent-task',
    ] as const) {
      api.intercept(action, () => false)
    }
  }, [])

  const hasWorks = plan.stages.some((stage) => stage.works.length > 0)
  const selected =
    panel?.mode === 'task' ? held.tasks.find((task) => task.id === panel.id) : undefined
  const mutationError = linked.error ?? unlinked.error

  return (
    <section className="card contract-plan" aria-labelledby="contract-plan-title">
      <div className="card-header">
        <h2 id="contract-plan-title">{t('gantt.title')}</h2>
        <div className="plan-toolbar">
          <SelectField<GanttScale>
            label={t('gantt.scale')}
            value={scale}
            onChange={(value) => setScale(value || 'days')}
            options={(['days', 'weeks', 'months'] as const).map((value) => ({
              value,
              label: t(`gantt.scales.${value}`),
            }))}
          />
          {canPlan && hasWorks ? (
            <button type="button" className="button" onClick={() => setPanel({ mode: 'new' })}>
              {t('gantt.addTask')}
            </button>
          ) : null}
        </div>
      </div>
      {canPlan ? null : <p className="muted">{t('gantt.readOnly')}</p>}
      {mutationError ? <QueryError error={mutationError} /> : null}
      <FormErrors errors={errors} title={t('gantt.problems')} />
      {notice ? (
        <p className="plan-notice" role="status">
          {notice.key === 'gantt.moved' ? t(notice.key, { count: notice.count }) : t(notice.key)}
        </p>
      ) : null}
      {!hasWorks ? (
        <p className="muted">{t('gantt.noWorks')}</p>
      ) : rows.length === 0 ? (
        <p className="muted">{t('gantt.empty')}</p>
      ) : (
        <>
          <p className="gantt-legend">
            <span className="legend-swatch legend-today" aria-hidden="true" />
            {t('gantt.today')}
            <span className="legend-swatch legend-late" aria-hidden="true" />
            {t('stages.lateHint')}
          </p>
          <div className="gantt-frame" data-scale={scale}>
            <Willow fonts={false}>
              {/* its built-in words (widgets, calendar, menus); ours name the columns and scales */}
              <Locale words={chartWords(lang)}>
                <Gantt
                  init={init}
                  tasks={rows}
                  links={links}
                  scales={scales.scales}
                  lengthUnit={scales.lengthUnit}
                  durationUnit="day"
                  cellWidth={scales.cellWidth}
                  columns={columns}
                  readonly={!canPlan}
                  taskTypes={[
                    { id: 'task', label: t('gantt.name') },
                    { id: 'summary', label: t('gantt.name') },
                    { id: 'late', label: t('gantt.late') },
                  ]}
                  highlightTime={(date: Date, unit: string) =>
                    unit === 'day' && isCurrentPeriod(date, today, 'day') ? 'gantt-today' : ''
                  }
                />
              </Locale>
            </Willow>
          </div>
        </>
      )}
      {panel ? (
        <TaskPanel
          key={panel.mode === 'task' ? `${panel.id}:${selected?.version}` : 'new'}
          task={selected}
          tasks={held.tasks}
          stages={plan.stages}
          dependencies={held.dependencies}
          canPlan={canPlan}
          onClose={() => setPanel(null)}
          onAnswered={(payload, id) => answered(payload, id)}
          onDeleted={() => setPanel(null)}
          onCreated={(id) => setPanel({ mode: 'task', id })}
          onUnlink={(id) => void handlers.current.unlinked(id)}
        />
      ) : null}
    </section>
  )
}

/** The chart's time scales: a top row (month or year) over days, weeks or months; today marked. */
function scalesOf(
  scale: GanttScale,
  lang: string,
  today: Date,
): { scales: IScaleConfig[]; lengthUnit: 'day' | 'week' | 'month'; cellWidth: number } {
  const format = (options: Intl.DateTimeFormatOptions) => (date: Date) =>
    new Intl.DateTimeFormat(lang, options).format(date)
  const mark = (unit: 'day' | 'week' | 'month') => (date: Date) =>
    isCurrentPeriod(date, today, unit) ? 'gantt-today' : ''
  switch (scale) {
    case 'days':
      return {
        scales: [
          { unit: 'month', step: 1, format: format({ month: 'long', year: 'numeric' }) },
          { unit: 'day', step: 1, format: format({ day: 'numeric' }), css: mark('day') },
        ],
        lengthUnit: 'day',
        cellWidth: 32,
      }
    case 'weeks':
      return {
        scales: [
          { unit: 'month', step: 1, format: format({ month: 'long', year: 'numeric' }) },
          {
            unit: 'week',
            step: 1,
            format: format({ day: 'numeric', month: 'short' }),
            css: mark('week'),
          },
        ],
        lengthUnit: 'week',
        cellWidth: 72,
      }
    case 'months':
      return {
        scales: [
          { unit: 'year', step: 1, format: format({ year: 'numeric' }) },
          { unit: 'month', step: 1, format: format({ month: 'short' }), css: mark('month') },
        ],
        lengthUnit: 'month',
        cellWidth: 90,
      }
  }
}
