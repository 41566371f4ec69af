import { describe, expect, it } from 'vitest'
import committed from '../../persisted-operations.json?raw'
import generated from '../gql/persisted-documents.json?raw'

describe('persisted-operations.json', () => {
  it('registers exactly the operations the app sends (run `npm run persisted-operations`)', () => {
    expect(JSON.parse(committed)).toEqual(JSON.parse(generated))
  })
})
