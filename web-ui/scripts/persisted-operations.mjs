// Writes persisted-operations.json: the app's own GraphQL operations (sha256 → document, from
// codegen's src/gql/persisted-documents.json), which the API reads as its allow-list of registered
// operations (docs/api.md, "Persisted operations"). Committed; src/lib/persisted-operations.test.ts
// fails when it is out of date. Run `npm run codegen && npm run persisted-operations`.
import { readFileSync, writeFileSync } from 'node:fs'

const generated = JSON.parse(readFileSync('src/gql/persisted-documents.json', 'utf8'))
const sorted = Object.fromEntries(Object.entries(generated).sort(([a], [b]) => a.localeCompare(b)))
writeFileSync('persisted-operations.json', JSON.stringify(sorted, null, 2) + '\n')
console.log(`persisted-operations.json: ${Object.keys(sorted).length} operations`)
