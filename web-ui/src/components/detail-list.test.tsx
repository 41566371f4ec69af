import { render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { Detail, DetailList } from './detail-list'

describe('DetailList', () => {
  it('keeps every label and its value together in one element', () => {
    const { container } = render(
      <DetailList>
        <Detail label="Customer">Acme</Detail>
        <Detail label="Seats">3</Detail>
      </DetailList>,
    )
    const list = container.querySelector('dl')
    expect(list).toHaveClass('detail-list', 'detail-list-rows')
    for (const [label, value] of [
      ['Customer', 'Acme'],
      ['Seats', '3'],
    ] as const) {
      const term = screen.getByText(label)
      expect(term.tagName).toBe('DT')
      // the value is the next element of the same pair, not of the grid around it
      expect(term.nextElementSibling).toHaveTextContent(value)
      expect(term.nextElementSibling?.tagName).toBe('DD')
      expect(term.parentElement?.parentElement).toBe(list)
    }
  })
})
