export type TierFormValues = { code: string; name: string; position: string; discount: string }

export type TierProblems = Partial<
  Record<keyof TierFormValues, 'required' | 'code' | 'position' | 'discount'>
>

/** The code only when creating (it is fixed after): upper-case letters, digits and underscores. */
export function validateTier(values: TierFormValues, creating: boolean): TierProblems {
  const problems: TierProblems = {}
  if (creating) {
    const code = values.code.trim().toUpperCase()
    if (!code) problems.code = 'required'
    else if (!/^[A-Z0-9_]{1,30}$/.test(code)) problems.code = 'code'
  }
  if (!values.name.trim()) problems.name = 'required'
  const position = values.position.trim()
  if (position && (!/^\d+$/.test(position) || Number(position) < 1)) problems.position = 'position'
  const discount = values.discount.trim()
  if (discount && (!/^\d{1,3}(\.\d{1,2})?$/.test(discount) || Number(discount) > 100)) {
    problems.discount = 'discount'
  }
  return problems
}
