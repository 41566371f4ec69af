/**
 * The contract's plan ↔ the Gantt component's data. The API counts days inclusively
 * (`startOn`..`endOn`, a one-day task starts and ends on the same day); the component draws a bar
 * from `start` to an exclusive `end`. Stages and works are group rows above their tasks; only
 * tasks without subtasks can be dragged (a summary's dates are rolled up by the API).
 */
import { dateOfIso, isoOfDate } from '../../../lib/local-date'

export type PlanTask = {
  id: string
  name: string
  startOn: string
  endOn: string
  progress: number
  summary: boolean
  version: number
  parent?: { id: string } | null
  work: { id: string }
}

export type PlanWork = { id: string; name: string; late: boolean }
export type PlanStage = { id: string; name: string; works: readonly PlanWork[] }
export type PlanDependency = { predecessor: { id: string }; successor: { id: string } }

/** A row of the chart, as `@svar-ui/react-gantt` takes it (its `ITask`, narrowed to what we set). */
export type GanttRow = {
  id: string
  text: string
  start: Date
  end: Date
  progress: number
  parent?: string
  type: 'task' | 'summary' | 'late'
  /** Rows with children are shown expanded (the chart walks the children of an open row). */
  open?: true
  /** What the row is: only `task` rows are dragged, resized and edited. */
  kind: 'stage' | 'work' | 'task' | 'summary'
}

export type GanttLink = { id: string; source: string; target: string; type: 'e2s' }

const DAY_MS = 24 * 60 * 60 * 1000

const stageRowId = (id: string) => `stage:${id}`
const workRowId = (id: string) => `work:${id}`

/** Whether a row id is a real task (not a stage or work heading). */
export const isTaskRow = (id: string | number) =>
  !String(id).startsWith('stage:') && !String(id).startsWith('work:')

function addDays(date: Date, days: number): Date {
  const next = new Date(date)
  next.setDate(next.getDate() + days)
  return next
}

/**
 * The bar of a task: from the start of `startOn` to the start of the day after `endOn`.
 * Dates the API sent are ISO, so they always parse.
 */
export function barOf(task: Pick<PlanTask, 'startOn' | 'endOn'>): { start: Date; end: Date } {
  const start = dateOfIso(task.startOn) ?? new Date(Number.NaN)
  const end = addDays(dateOfIso(task.endOn) ?? new Date(Number.NaN), 1)
  return { start, end }
}

/** Midnight of the day a drag ended nearest to (a drag may stop within a day at week scale). */
function nearestDay(date: Date): Date {
  const day = new Date(date.getFullYear(), date.getMonth(), date.getDate())
  return date.getTime() - day.getTime() >= DAY_MS / 2 ? addDays(day, 1) : day
}

/** Shifts a date by whole units of the chart's scale. */
function shifted(date: Date, units: number, unit: 'day' | 'week' | 'month'): Date {
  const next = new Date(date)
  if (unit === 'month') next.setMonth(next.getMonth() + units)
  else next.setDate(next.getDate() + units * (unit === 'week' ? 7 : 1))
  return next
}

/**
 * Where a bar ends up after a drop. The chart reports a drag as the bar's dates before it
 * (`start` and `end` for a move, one of them for a resize) and `diff`, the whole scale units
 * moved; a change made otherwise (the grid) carries the new dates themselves.
 */
export function droppedBar(
  current: { start: Date; end: Date },
  change: { start?: Date; end?: Date },
  diff: number | undefined,
  unit: 'day' | 'week' | 'month',
): { start: Date; end: Date } {
  const moved = (key: 'start' | 'end') => {
    const value = change[key]
    if (!value) return current[key]
    return diff ? shifted(value, diff, unit) : value
  }
  return { start: moved('start'), end: moved('end') }
}

/** A moved or resized bar → the task's inclusive dates; a bar is at least one day long. */
export function datesOfBar(start: Date, end: Date): { startOn: string; endOn: string } {
  const first = nearestDay(start)
  const afterLast = nearestDay(end)
  const last = afterLast.getTime() > first.getTime() ? addDays(afterLast, -1) : first
  return { startOn: isoOfDate(first), endOn: isoOfDate(last) }
}

function spanOf(rows: readonly GanttRow[]): { start: Date; end: Date } | null {
  const [first, ...rest] = rows
  if (!first) return null
  let { start, end } = first
  for (const row of rest) {
    if (row.start < start) start = row.start
    if (row.end > end) end = row.end
  }
  return { start, end }
}

/**
 * The chart's rows: each stage, under it its works, under each work its tasks as a tree (the API
 * sends parents before their subtasks). Stages and works without tasks have no dates and are
 * left out (the stage list shows them). A late work is marked with its own row type.
 */
export function toGanttRows(stages: readonly PlanStage[], tasks: readonly PlanTask[]): GanttRow[] {
  const byWork = new Map<string, GanttRow[]>()
  const workOfRow = new Map<string, string>()
  const taskRows: GanttRow[] = []
  for (const task of tasks) {
    const { start, end } = barOf(task)
    const row: GanttRow = {
      id: task.id,
      text: task.name,
      start,
      end,
      progress: task.progress,
      parent: task.parent ? task.parent.id : workRowId(task.work.id),
      type: task.summary ? 'summary' : 'task',
      ...(task.summary ? { open: true as const } : {}),
      kind: task.summary ? 'summary' : 'task',
    }
    taskRows.push(row)
    workOfRow.set(task.id, task.work.id)
    const list = byWork.get(task.work.id) ?? []
    list.push(row)
    byWork.set(task.work.id, list)
  }

  const rows: GanttRow[] = []
  for (const stage of stages) {
    const stageRows: GanttRow[] = []
    for (const work of stage.works) {
      const span = spanOf(byWork.get(work.id) ?? [])
      if (!span) continue
      stageRows.push({
        id: workRowId(work.id),
        text: work.name,
        ...span,
        progress: 0,
        parent: stageRowId(stage.id),
        type: work.late ? 'late' : 'summary',
        open: true,
        kind: 'work',
      })
    }
    const span = spanOf(stageRows)
    if (!span) continue
    rows.push({
      id: stageRowId(stage.id),
      text: stage.name,
      ...span,
      progress: 0,
      type: 'summary',
      open: true,
      kind: 'stage',
    })
    rows.push(...stageRows)
  }
  const shownWorks = new Set(rows.filter((row) => row.kind === 'work').map((row) => row.id))
  return [
    ...rows,
    ...taskRows.filter((row) => shownWorks.has(workRowId(workOfRow.get(row.id) ?? ''))),
  ]
}

export const linkIdOf = (dependency: PlanDependency) =>
  `${dependency.predecessor.id}>${dependency.successor.id}`

/** Finish-to-start links: from the end of the predecessor to the start of the successor. */
export function toGanttLinks(dependencies: readonly PlanDependency[]): GanttLink[] {
  return dependencies.map((dependency) => ({
    id: linkIdOf(dependency),
    source: dependency.predecessor.id,
    target: dependency.successor.id,
    type: 'e2s',
  }))
}

/** The dependency a link id stands for. */
export function dependencyOfLinkId(
  id: string | number,
): { predecessorId: string; successorId: string } | null {
  const [predecessorId, successorId, ...rest] = String(id).split('>')
  if (!predecessorId || !successorId || rest.length > 0) return null
  return { predecessorId, successorId }
}

/**
 * A link the user drew → the dependency to ask for. The API knows only finish-to-start between
 * two tasks: another kind of link, or one to a stage or work heading, is refused here.
 */
export function dependencyOfDrawnLink(link: {
  source?: string | number
  target?: string | number
  type?: string
}):
  | { ok: true; predecessorId: string; successorId: string }
  | { ok: false; reason: 'type' | 'rows' } {
  if (link.source === undefined || link.target === undefined) return { ok: false, reason: 'rows' }
  if (!isTaskRow(link.source) || !isTaskRow(link.target) || link.source === link.target) {
    return { ok: false, reason: 'rows' }
  }
  if (link.type !== 'e2s') return { ok: false, reason: 'type' }
  return { ok: true, predecessorId: String(link.source), successorId: String(link.target) }
}

/**
 * The plan after the API answered a change: every task it reports as moved (the changed one and
 * those pushed later by dependencies) replaces the one held, when newer.
 */
export function applyMovedTasks<T extends Pick<PlanTask, 'id' | 'version'>>(
  tasks: readonly T[],
  moved: readonly T[],
): T[] {
  const byId = new Map(moved.map((task) => [task.id, task]))
  return tasks.map((task) => {
    const next = byId.get(task.id)
    return next && next.version >= task.version ? next : task
  })
}

/** The plan with a dependency added (when new) or removed. */
export function withDependency(
  dependencies: readonly PlanDependency[],
  change: { predecessorId: string; successorId: string },
  present: boolean,
): PlanDependency[] {
  const rest = dependencies.filter(
    (d) => d.predecessor.id !== change.predecessorId || d.successor.id !== change.successorId,
  )
  return present
    ? [
        ...rest,
        { predecessor: { id: change.predecessorId }, successor: { id: change.successorId } },
      ]
    : rest
}

export type GanttScale = 'days' | 'weeks' | 'months'

/** Whether `date` falls in the same day, week (Monday first) or month as `today`. */
export function isCurrentPeriod(date: Date, today: Date, unit: 'day' | 'week' | 'month' | 'year') {
  switch (unit) {
    case 'day':
      return isoOfDate(date) === isoOfDate(today)
    case 'week': {
      const monday = (d: Date) => addDays(d, -((d.getDay() + 6) % 7))
      return isoOfDate(monday(date)) === isoOfDate(monday(today))
    }
    case 'month':
      return date.getFullYear() === today.getFullYear() && date.getMonth() === today.getMonth()
    case 'year':
      return date.getFullYear() === today.getFullYear()
  }
}
