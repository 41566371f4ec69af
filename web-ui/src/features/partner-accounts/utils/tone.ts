/** Green in the partner's favour, red against it, plain at zero: the sign is in the text too (WCAG 1.4.1). */
export function toneOf(amount: string): 'credit' | 'debit' | 'even' {
  const value = Number(amount)
  return value > 0 ? 'credit' : value < 0 ? 'debit' : 'even'
}
