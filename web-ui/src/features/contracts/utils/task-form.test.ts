import { describe, expect, it } from 'vitest'
import {
  toCreateTaskInput,
  toUpdateTaskInput,
  validateTaskForm,
  type TaskFormValues,
} from './task-form'

const values = (extra: Partial<TaskFormValues> = {}): TaskFormValues => ({
  under: 'work:w1',
  name: 'Install',
  startOn: '2026-12-01',
  endOn: '2026-12-03',
  assigneeId: '',
  plannedHours: '',
  spentHours: '',
  progress: '',
  ...extra,
})

describe('task form', () => {
  it('finds what is missing or wrong before sending', () => {
    expect(validateTaskForm(values(), true)).toEqual({})
    expect(validateTaskForm(values({ under: '', name: ' ', startOn: '' }), true)).toEqual({
      under: 'required',
      name: 'required',
      startOn: 'required',
    })
    expect(validateTaskForm(values({ endOn: '2026-11-30' }), false)).toEqual({
      endOn: 'endBeforeStart',
    })
    expect(
      validateTaskForm(values({ plannedHours: '1,555', spentHours: '-1', progress: '101' }), false),
    ).toEqual({ plannedHours: 'hours', spentHours: 'hours', progress: 'percent' })
    expect(validateTaskForm(values({ plannedHours: '12,5', progress: '100' }), false)).toEqual({})
  })

  it('creates under a work or as a subtask', () => {
    expect(toCreateTaskInput(values({ plannedHours: '12,5' }))).toEqual({
      workId: 'w1',
      name: 'Install',
      startOn: '2026-12-01',
      endOn: '2026-12-03',
      assigneeId: null,
      plannedHours: '12.5',
      spentHours: null,
      progress: null,
    })
    expect(toCreateTaskInput(values({ under: 'task:t9' }))).toMatchObject({ parentId: 't9' })
  })

  it('sends only what changed, and nothing of a summary but its name and assignee', () => {
    const before = values({ plannedHours: '8', assigneeId: 'u1' })
    expect(toUpdateTaskInput('t1', 3, before, { ...before, endOn: '2026-12-05' }, false)).toEqual({
      id: 't1',
      expectedVersion: 3,
      endOn: '2026-12-05',
    })
    expect(
      toUpdateTaskInput('t1', 3, before, { ...before, plannedHours: '', assigneeId: '' }, false),
    ).toEqual({
      id: 't1',
      expectedVersion: 3,
      plannedHours: null,
      assigneeId: null,
    })
    expect(
      toUpdateTaskInput(
        't1',
        3,
        before,
        { ...before, name: 'Renamed', startOn: '2027-01-01' },
        true,
      ),
    ).toEqual({ id: 't1', expectedVersion: 3, name: 'Renamed' })
  })
})
