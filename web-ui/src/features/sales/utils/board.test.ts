import { describe, expect, it } from 'vitest'
import { boardReducer, initialBoardState, toColumns, type Deal, type Stage } from './board'

const stage = (n: number, closesAsWon = false): Stage => ({
  id: `s${n}`,
  name: `Stage ${n}`,
  position: n,
  probability: n * 10,
  closesAsWon,
})
const s1 = stage(1)
const s2 = stage(2)
const won = stage(3, true)

const deal = (id: string, at: Stage, amount?: [string, string]): Deal => ({
  id,
  name: `Deal ${id}`,
  status: 'OPEN',
  version: 1,
  expectedCloseDate: null,
  amount: amount ? { amount: amount[0], currency: amount[1] } : null,
  customer: { id: 'c1', name: 'Acme' },
  owner: { id: 'u1', name: 'Rita', vendor: false },
  stage: at,
})

const loaded = boardReducer(initialBoardState, {
  type: 'loaded',
  stageId: 's1',
  deals: [deal('a', s1, ['100.50', 'EUR']), deal('b', s1)],
})

describe('boardReducer', () => {
  it('moves a deal at once and remembers where it was', () => {
    const moved = boardReducer(loaded, { type: 'move', id: 'a', stage: s2 })
    expect(moved.deals.find((d) => d.id === 'a')?.stage).toBe(s2)
    expect(moved.pending.a?.stage).toBe(s1)
    expect(moved.failure).toBeNull()
  })

  it('marks a deal moved into a winning stage as won on the spot', () => {
    const moved = boardReducer(loaded, { type: 'move', id: 'a', stage: won })
    expect(moved.deals.find((d) => d.id === 'a')?.status).toBe('WON')
  })

  it('ignores a drop on the same stage and a second move while one is on its way', () => {
    expect(boardReducer(loaded, { type: 'move', id: 'a', stage: s1 })).toBe(loaded)
    const moved = boardReducer(loaded, { type: 'move', id: 'a', stage: s2 })
    expect(boardReducer(moved, { type: 'move', id: 'a', stage: won })).toBe(moved)
  })

  it('takes the server’s deal (new version) when the move is confirmed', () => {
    const moved = boardReducer(loaded, { type: 'move', id: 'a', stage: s2 })
    const fromServer = { ...deal('a', s2, ['100.50', 'EUR']), version: 2 }
    const confirmed = boardReducer(moved, { type: 'confirmed', deal: fromServer })
    expect(confirmed.deals.find((d) => d.id === 'a')).toBe(fromServer)
    expect(confirmed.pending).toEqual({})
  })

  it('puts the deal back and says why when the server refuses the move', () => {
    const moved = boardReducer(loaded, { type: 'move', id: 'a', stage: s2 })
    const errors = [{ field: null, code: 'STALE_VERSION' as const, message: 'version 1 != 2' }]
    const rejected = boardReducer(moved, { type: 'rejected', id: 'a', errors, network: false })
    expect(rejected.deals.find((d) => d.id === 'a')?.stage).toBe(s1)
    expect(rejected.deals.find((d) => d.id === 'a')?.status).toBe('OPEN')
    expect(rejected.pending).toEqual({})
    expect(rejected.failure).toEqual({
      dealName: 'Deal a',
      stage: s2,
      previous: s1,
      errors,
      network: false,
    })
    expect(boardReducer(rejected, { type: 'dismiss' }).failure).toBeNull()
  })

  it('rolls back on a network failure too', () => {
    const moved = boardReducer(loaded, { type: 'move', id: 'b', stage: won })
    const rejected = boardReducer(moved, { type: 'rejected', id: 'b', errors: [], network: true })
    expect(rejected.deals.find((d) => d.id === 'b')?.stage).toBe(s1)
    expect(rejected.failure?.network).toBe(true)
  })

  it('keeps a move on its way when the list is refetched meanwhile', () => {
    const moved = boardReducer(loaded, { type: 'move', id: 'a', stage: s2 })
    const refetched = boardReducer(moved, {
      type: 'loaded',
      stageId: 's1',
      deals: [deal('a', s1, ['100.50', 'EUR']), deal('b', s1)],
    })
    expect(refetched.deals.map((d) => [d.id, d.stage.id])).toEqual([
      ['a', 's2'],
      ['b', 's1'],
    ])
  })

  it("replaces one stage's deals with its pages and leaves the other stages alone", () => {
    const both = boardReducer(loaded, { type: 'loaded', stageId: 's2', deals: [deal('c', s2)] })
    const reloaded = boardReducer(both, {
      type: 'loaded',
      stageId: 's1',
      deals: [deal('d', s1), deal('b', s1)],
    })
    expect(reloaded.deals.map((d) => [d.id, d.stage.id])).toEqual([
      ['c', 's2'],
      ['d', 's1'],
      ['b', 's1'],
    ])
  })
})

describe('boardReducer with pushed deals (the live feed)', () => {
  const at = (state: ReturnType<typeof boardReducer>, id: string) =>
    state.deals.find((d) => d.id === id)

  it('moves a card someone else moved, and adds a deal someone else created', () => {
    const movedElsewhere = { ...deal('b', s2), version: 2 }
    const pushed = boardReducer(loaded, { type: 'pushed', deal: movedElsewhere })
    expect(at(pushed, 'b')).toBe(movedElsewhere)
    const created = deal('n', s1)
    expect(boardReducer(pushed, { type: 'pushed', deal: created }).deals[0]).toBe(created)
  })

  it('ignores the user’s own change pushed after the mutation’s answer showed it', () => {
    const moved = boardReducer(loaded, { type: 'move', id: 'a', stage: s2 })
    const answer = { ...deal('a', s2, ['100.50', 'EUR']), version: 2 }
    const confirmed = boardReducer(moved, { type: 'confirmed', deal: answer })
    const echo = { ...deal('a', s2, ['100.50', 'EUR']), version: 2 }
    expect(boardReducer(confirmed, { type: 'pushed', deal: echo })).toBe(confirmed)
    const older = { ...deal('a', s1), version: 1 }
    expect(boardReducer(confirmed, { type: 'pushed', deal: older })).toBe(confirmed)
  })

  it('keeps a card where the user dropped it while the move is on its way', () => {
    const moved = boardReducer(loaded, { type: 'move', id: 'a', stage: s2 })
    // the move's own event arrives before the mutation's answer
    const echo = { ...deal('a', s2, ['100.50', 'EUR']), version: 2 }
    const pushed = boardReducer(moved, { type: 'pushed', deal: echo })
    expect(at(pushed, 'a')?.stage).toBe(s2)
    expect(at(pushed, 'a')?.version).toBe(1)
    expect(pushed.pending.a).toBe(echo)
    const confirmed = boardReducer(pushed, { type: 'confirmed', deal: echo })
    expect(at(confirmed, 'a')).toBe(echo)
    expect(confirmed.pending).toEqual({})
  })

  it('settles on a newer change by someone else pushed while the move was on its way', () => {
    const moved = boardReducer(loaded, { type: 'move', id: 'a', stage: s2 })
    const theirs = { ...deal('a', won, ['100.50', 'EUR']), version: 3, status: 'WON' as const }
    const pushed = boardReducer(moved, { type: 'pushed', deal: theirs })
    const ours = { ...deal('a', s2, ['100.50', 'EUR']), version: 2 }
    expect(at(boardReducer(pushed, { type: 'confirmed', deal: ours }), 'a')).toBe(theirs)
  })

  it('takes a deal off the board when it was lost elsewhere', () => {
    const lost = { ...deal('b', s1), version: 2, status: 'LOST' as const }
    expect(at(boardReducer(loaded, { type: 'pushed', deal: lost }), 'b')).toBeUndefined()
  })

  it('keeps a pushed copy when a refetch answers with an older one', () => {
    const newer = { ...deal('b', s2), version: 2 }
    const pushed = boardReducer(loaded, { type: 'pushed', deal: newer })
    const refetched = boardReducer(pushed, {
      type: 'loaded',
      stageId: 's1',
      deals: [deal('a', s1, ['100.50', 'EUR']), deal('b', s1)],
    })
    expect(at(refetched, 'b')).toBe(newer)
  })
})

describe('toColumns', () => {
  it('groups deals by stage in stage order with totals per currency', () => {
    const columns = toColumns(
      [s2, s1],
      [
        deal('a', s1, ['100.50', 'EUR']),
        deal('b', s1, ['0.50', 'EUR']),
        deal('c', s1, ['10', 'USD']),
        deal('d', s1),
        deal('e', s2),
      ],
    )
    expect(columns.map((c) => c.stage.id)).toEqual(['s1', 's2'])
    expect(columns[0]!.deals).toHaveLength(4)
    expect(columns[0]!.totals).toEqual([
      { currency: 'EUR', amount: '101.00' },
      { currency: 'USD', amount: '10' },
    ])
    expect(columns[1]!.totals).toEqual([])
  })
})
