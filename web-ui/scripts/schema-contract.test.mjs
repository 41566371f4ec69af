import { cpSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { check, earliestRemoval, release } from './schema-contract.mjs'

const SCHEMA = resolve(import.meta.dirname, '../../schema')
const dirs = []

function tempDir() {
  const dir = mkdtempSync(join(tmpdir(), 'schema-contract-'))
  dirs.push(dir)
  return dir
}

afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })))

/** A copy of the real schema/ and its snapshots, to change. */
function copyOfRealSchema() {
  const dir = tempDir()
  cpSync(SCHEMA, dir, { recursive: true })
  return dir
}

/** A small schema: `released` is the 2026-12 snapshot, `current` what schema/ holds now. */
function smallSchema(released, current) {
  const dir = tempDir()
  mkdirSync(join(dir, 'released'))
  writeFileSync(join(dir, 'released', '2026-12.graphql'), released)
  writeFileSync(join(dir, 'schema.graphqls'), current)
  return { schemaDir: dir, releasedDir: join(dir, 'released') }
}

const TODAY = '2026-12-02'

describe('the schema contract against the released snapshot', () => {
  it('passes the schema as it is, and an addition', async () => {
    const dir = copyOfRealSchema()
    expect(
      (await check({ schemaDir: dir, releasedDir: join(dir, 'released'), today: TODAY })).problems,
    ).toEqual([])

    const file = join(dir, 'customer.graphqls')
    writeFileSync(
      file,
      readFileSync(file, 'utf8') + '\nextend type Customer {\n  nickname: String\n}\n',
    )
    const result = await check({ schemaDir: dir, releasedDir: join(dir, 'released'), today: TODAY })
    expect(result.problems).toEqual([])
    expect(result.safe.map((change) => change.path)).toContain('Customer.nickname')
  })

  it('fails on a removed field that was never announced', async () => {
    const dir = copyOfRealSchema()
    const file = join(dir, 'customer.graphqls')
    const text = readFileSync(file, 'utf8')
    const withoutTaxId = text.replace(/^\s+taxId: String\n/m, '\n')
    expect(withoutTaxId).not.toEqual(text)
    writeFileSync(file, withoutTaxId)

    const result = await check({ schemaDir: dir, releasedDir: join(dir, 'released'), today: TODAY })
    expect(result.problems).toEqual([
      expect.stringContaining('Customer.taxId was not deprecated with "Removal on YYYY-MM-DD"'),
    ])
  })
})

describe('the twelve-month rule', () => {
  const released = (reason) =>
    `type Query {\n  a: String\n  old: String @deprecated(reason: "${reason}")\n}\n`
  const without = 'type Query {\n  a: String\n}\n'

  it('allows a removal announced in the snapshot once its date, twelve months on, has passed', async () => {
    const dirs = smallSchema(released('Use a. Removal on 2027-12-31.'), without)
    expect((await check({ ...dirs, today: '2027-12-31' })).problems).toEqual([])
    expect((await check({ ...dirs, today: '2027-12-30' })).problems).toEqual([
      expect.stringContaining('Query.old is announced for removal on 2027-12-31, not before'),
    ])
  })

  it('refuses a removal date less than twelve months after the deprecation was released', async () => {
    const dirs = smallSchema(released('Removal on 2027-06-30.'), without)
    const result = await check({ ...dirs, today: '2027-07-01' })
    expect(result.problems).toContainEqual(
      expect.stringContaining('breaks the twelve-month promise'),
    )
  })

  it('wants a removal date of every new deprecation, twelve months after the next release', async () => {
    const current = (reason) =>
      `type Query {\n  a: String\n  old: String @deprecated(reason: "${reason}")\n}\n`
    const plain = 'type Query {\n  a: String\n  old: String\n}\n'
    expect(
      (await check({ ...smallSchema(plain, current('Use a.')), today: TODAY })).problems,
    ).toEqual(['Query.old is deprecated without "Removal on YYYY-MM-DD" in its reason'])
    expect(
      (await check({ ...smallSchema(plain, current('Removal on 2027-11-30.')), today: TODAY }))
        .problems,
    ).toEqual([
      'Query.old is deprecated in 2026-12: its removal date 2027-11-30 must be 2027-12-31 or later',
    ])
    expect(
      (await check({ ...smallSchema(plain, current('Removal on 2027-12-31.')), today: TODAY }))
        .problems,
    ).toEqual([])
  })

  it('refuses breaking changes that are not removals, and reports dangerous ones', async () => {
    const dirs = smallSchema(
      'enum Color {\n  RED\n}\ntype Query {\n  a: String\n  color: Color\n}\n',
      'enum Color {\n  RED\n  BLUE\n}\ntype Query {\n  a: Int\n  color: Color\n}\n',
    )
    const result = await check({ ...dirs, today: TODAY })
    expect(result.problems).toEqual([
      expect.stringContaining("Field 'Query.a' changed type from 'String' to 'Int'"),
    ])
    expect(result.dangerous.map((change) => change.path)).toEqual(['Color.BLUE'])
  })

  it('counts twelve months from the end of the release month', () => {
    expect(earliestRemoval('2026-12')).toBe('2027-12-31')
    expect(earliestRemoval('2027-02')).toBe('2028-02-29')
  })
})

describe('a release', () => {
  it('writes the snapshot and a changelog section, and writes them again for the same month', async () => {
    const dirs = smallSchema(
      'type Query {\n  a: String\n}\n',
      'type Query {\n  a: String\n  b: Int\n}\n',
    )
    const changelog = join(dirs.schemaDir, 'changelog.md')
    writeFileSync(changelog, '# Changelog\n\n<!-- releases: newest first -->\n')

    await release({ ...dirs, changelog, today: '2027-01-15', release: '2027-01' })
    await release({ ...dirs, changelog, today: '2027-01-15', release: '2027-01' })

    expect(readFileSync(join(dirs.releasedDir, '2027-01.graphql'), 'utf8')).toContain('b: Int')
    const text = readFileSync(changelog, 'utf8')
    expect(text.match(/## 2027-01/g)).toHaveLength(1)
    expect(text).toContain("- Field 'b' was added to object type 'Query'")
    expect((await check({ ...dirs, today: '2027-01-15' })).base).toBe('2027-01')
  })
})
