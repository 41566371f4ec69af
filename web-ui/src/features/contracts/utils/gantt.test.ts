import { describe, expect, it } from 'vitest'
import {
  applyMovedTasks,
  barOf,
  datesOfBar,
  dependencyOfDrawnLink,
  droppedBar,
  dependencyOfLinkId,
  isCurrentPeriod,
  toGanttLinks,
  toGanttRows,
  withDependency,
  type PlanTask,
} from './gantt'

const task = (
  id: string,
  startOn: string,
  endOn: string,
  extra: Partial<PlanTask> = {},
): PlanTask => ({
  id,
  name: `Task ${id}`,
  startOn,
  endOn,
  progress: 0,
  summary: false,
  version: 1,
  parent: null,
  work: { id: 'w1' },
  ...extra,
})

const stages = [
  {
    id: 's1',
    name: 'Design',
    works: [
      { id: 'w1', name: 'Specification', late: false },
      { id: 'w2', name: 'Empty work', late: false },
    ],
  },
  { id: 's2', name: 'Build', works: [{ id: 'w3', name: 'Import', late: true }] },
  { id: 's3', name: 'Nothing yet', works: [] },
]

describe('API tasks → chart rows', () => {
  it('draws an inclusive end as an exclusive bar end, and reads it back', () => {
    const { start, end } = barOf({ startOn: '2026-12-01', endOn: '2026-12-03' })
    expect(start).toEqual(new Date(2026, 11, 1))
    expect(end).toEqual(new Date(2026, 11, 4))
    expect(datesOfBar(start, end)).toEqual({ startOn: '2026-12-01', endOn: '2026-12-03' })
    // a one-day task
    const day = barOf({ startOn: '2026-12-31', endOn: '2026-12-31' })
    expect(datesOfBar(day.start, day.end)).toEqual({ startOn: '2026-12-31', endOn: '2026-12-31' })
  })

  it('rounds a drag that stopped within a day to the nearest day, at least one day long', () => {
    expect(datesOfBar(new Date(2026, 11, 4, 13), new Date(2026, 11, 7, 2))).toEqual({
      startOn: '2026-12-05',
      endOn: '2026-12-06',
    })
    expect(datesOfBar(new Date(2026, 11, 4), new Date(2026, 11, 4, 3))).toEqual({
      startOn: '2026-12-04',
      endOn: '2026-12-04',
    })
  })

  it('groups tasks by stage and work, subtasks under their parent, and spans the groups', () => {
    const rows = toGanttRows(stages, [
      task('t1', '2026-12-01', '2026-12-10', { summary: true }),
      task('t2', '2026-12-01', '2026-12-04', { parent: { id: 't1' } }),
      task('t3', '2026-12-05', '2026-12-10', { parent: { id: 't1' } }),
      task('t4', '2027-01-04', '2027-01-08', { work: { id: 'w3' } }),
    ])
    const byId = Object.fromEntries(rows.map((row) => [row.id, row]))
    expect(rows.map((row) => row.id)).toEqual([
      'stage:s1',
      'work:w1',
      'stage:s2',
      'work:w3',
      't1',
      't2',
      't3',
      't4',
    ])
    expect(byId['work:w1']).toMatchObject({ parent: 'stage:s1', type: 'summary', kind: 'work' })
    expect(byId['stage:s1']?.start).toEqual(new Date(2026, 11, 1))
    expect(byId['stage:s1']?.end).toEqual(new Date(2026, 11, 11))
    expect(byId.t1).toMatchObject({ parent: 'work:w1', type: 'summary', kind: 'summary' })
    expect(byId.t2).toMatchObject({ parent: 't1', type: 'task', kind: 'task' })
    // only rows with children are open: the chart walks the children of an open row
    expect(byId.t2).not.toHaveProperty('open')
    expect(byId.t1).toHaveProperty('open', true)
    // a late work has its own row type, which the chart colours
    expect(byId['work:w3']).toMatchObject({ type: 'late' })
    // works and stages without tasks have no dates: not in the chart
    expect(byId['work:w2']).toBeUndefined()
    expect(byId['stage:s3']).toBeUndefined()
  })

  it('turns dependencies into finish-to-start links and back', () => {
    const links = toGanttLinks([{ predecessor: { id: 'a' }, successor: { id: 'b' } }])
    expect(links).toEqual([{ id: 'a>b', source: 'a', target: 'b', type: 'e2s' }])
    expect(dependencyOfLinkId('a>b')).toEqual({ predecessorId: 'a', successorId: 'b' })
    expect(dependencyOfLinkId('nonsense')).toBeNull()
  })
})

describe('chart → API', () => {
  it('reads a drop: the dates before it shifted by whole units of the scale', () => {
    const current = { start: new Date(2026, 11, 1), end: new Date(2026, 11, 4) }
    // moved four days later
    expect(droppedBar(current, { ...current }, 4, 'day')).toEqual({
      start: new Date(2026, 11, 5),
      end: new Date(2026, 11, 8),
    })
    // the end dragged one week later
    expect(droppedBar(current, { end: current.end }, 1, 'week')).toEqual({
      start: current.start,
      end: new Date(2026, 11, 11),
    })
    // moved a month earlier
    expect(droppedBar(current, { ...current }, -1, 'month').start).toEqual(new Date(2026, 10, 1))
    // new dates given as such
    const end = new Date(2026, 11, 9)
    expect(droppedBar(current, { end }, undefined, 'day')).toEqual({ start: current.start, end })
  })

  it('asks for a dependency only for a finish-to-start link between two tasks', () => {
    expect(dependencyOfDrawnLink({ source: 'a', target: 'b', type: 'e2s' })).toEqual({
      ok: true,
      predecessorId: 'a',
      successorId: 'b',
    })
    expect(dependencyOfDrawnLink({ source: 'a', target: 'b', type: 's2s' })).toEqual({
      ok: false,
      reason: 'type',
    })
    expect(dependencyOfDrawnLink({ source: 'work:w1', target: 'b', type: 'e2s' })).toEqual({
      ok: false,
      reason: 'rows',
    })
    expect(dependencyOfDrawnLink({ source: 'a', target: 'a', type: 'e2s' })).toEqual({
      ok: false,
      reason: 'rows',
    })
  })

  it('applies every moved task of the answer, the dragged one and those pushed later', () => {
    const held = [task('a', '2026-12-01', '2026-12-02'), task('b', '2026-12-03', '2026-12-04')]
    const moved = [
      task('a', '2026-12-07', '2026-12-08', { version: 2 }),
      task('b', '2026-12-09', '2026-12-10', { version: 2 }),
    ]
    expect(applyMovedTasks(held, moved)).toEqual(moved)
    // an older copy (a late answer) does not replace a newer one
    expect(applyMovedTasks(moved, held)).toEqual(moved)
  })

  it('adds a dependency once and removes it', () => {
    const added = withDependency([], { predecessorId: 'a', successorId: 'b' }, true)
    expect(withDependency(added, { predecessorId: 'a', successorId: 'b' }, true)).toHaveLength(1)
    expect(withDependency(added, { predecessorId: 'a', successorId: 'b' }, false)).toEqual([])
  })

  it('finds today in days, weeks (from Monday) and months', () => {
    const today = new Date(2026, 11, 2) // a Wednesday
    expect(isCurrentPeriod(new Date(2026, 11, 2), today, 'day')).toBe(true)
    expect(isCurrentPeriod(new Date(2026, 10, 30), today, 'week')).toBe(true)
    expect(isCurrentPeriod(new Date(2026, 10, 29), today, 'week')).toBe(false)
    expect(isCurrentPeriod(new Date(2026, 11, 31), today, 'month')).toBe(true)
  })
})
