import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
// @ts-expect-error a plain build script without types
import { manifestText } from '../../scripts/persisted-operations.mjs'

describe('persisted-operations.json', () => {
  it('registers exactly the operations the app sends (run `npm run persisted-operations`)', () => {
    const generated: unknown = JSON.parse(readFileSync('src/gql/persisted-documents.json', 'utf8'))
    expect(readFileSync('persisted-operations.json', 'utf8')).toBe(manifestText(generated))
  })
})
