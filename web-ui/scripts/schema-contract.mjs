// The schema contract (docs/schema-changelog.md, ADR 0035): compares ../schema with the latest
// released snapshot in ../schema/released/ and fails on a breaking change that was not announced.
//
//   node scripts/schema-contract.mjs check              (npm run schema:check; ./dealerdesk test runs it)
//   node scripts/schema-contract.mjs release [YYYY-MM]  (npm run schema:release; default: this month)
//
// The diff is @graphql-inspector/core's. "Announced" is ours: a field, argument, input field or
// enum value may only disappear if the latest snapshot already had it
// @deprecated(reason: "... Removal on YYYY-MM-DD ..."), that date has passed, and it lies at least
// twelve months after the end of the release month whose snapshot first showed the deprecation.
// A type may disappear when all of its fields (or values) could. Any other breaking change fails.
import { readFileSync, readdirSync, writeFileSync, mkdirSync, existsSync, statSync } from 'node:fs'
import { join, resolve, dirname, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  buildASTSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isScalarType,
  isSpecifiedScalarType,
  isUnionType,
  lexicographicSortSchema,
  parse,
  printSchema,
} from 'graphql'
import { diff, CriticalityLevel, ChangeType } from '@graphql-inspector/core'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const REMOVAL = /Removal on (\d{4}-\d{2}-\d{2})/
const RELEASE_NAME = /^(\d{4}-\d{2})\.graphql$/
const REMOVALS = new Set([
  ChangeType.FieldRemoved,
  ChangeType.InputFieldRemoved,
  ChangeType.EnumValueRemoved,
  ChangeType.FieldArgumentRemoved,
  ChangeType.TypeRemoved,
])

const KINDS = [
  ['Object types', isObjectType],
  ['Interfaces', isInterfaceType],
  ['Unions', isUnionType],
  ['Input types', isInputObjectType],
  ['Enums', isEnumType],
  ['Scalars', isScalarType],
]

/** All `*.graphqls` under `dir` (not its released/ snapshots) as one schema. */
export function loadSchema(dir) {
  const files = []
  const walk = (folder) => {
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name)
      if (statSync(path).isDirectory()) walk(path)
      else if (name.endsWith('.graphqls')) files.push(path)
    }
  }
  walk(dir)
  const sdl = files.map((file) => readFileSync(file, 'utf8')).join('\n')
  return buildASTSchema(parse(sdl))
}

/** The printed SDL a snapshot holds: sorted, so that moving a type between files changes nothing. */
export function print(schema) {
  return printSchema(lexicographicSortSchema(schema)) + '\n'
}

/** The released snapshots, oldest first: [{ release: 'YYYY-MM', schema }]. */
export function loadReleases(releasedDir) {
  if (!existsSync(releasedDir)) return []
  return readdirSync(releasedDir)
    .filter((name) => RELEASE_NAME.test(name))
    .sort()
    .map((name) => ({
      release: RELEASE_NAME.exec(name)[1],
      schema: buildASTSchema(parse(readFileSync(join(releasedDir, name), 'utf8'))),
    }))
}

/** The schema element a change path names (Type, Type.field, Type.field.arg, Enum.VALUE). */
function element(schema, path) {
  const [typeName, member, argument] = path.split('.')
  const type = schema.getType(typeName)
  if (!type || member === undefined) return type
  let found
  if (isEnumType(type)) found = type.getValue(member)
  else if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type))
    found = type.getFields()[member]
  if (found && argument !== undefined) return found.args?.find((arg) => arg.name === argument)
  return found
}

/** The last day of the twelfth month after a release month: the earliest removal it allows. */
export function earliestRemoval(release) {
  const [year, month] = release.split('-').map(Number)
  // day 0 of the following month is the last day of `month`
  return new Date(Date.UTC(year + 1, month, 0)).toISOString().slice(0, 10)
}

function removalDate(item) {
  return item?.deprecationReason ? REMOVAL.exec(item.deprecationReason)?.[1] : undefined
}

/** The first release whose snapshot shows the element deprecated, or `pending` if none does. */
function firstDeprecated(releases, path, pending) {
  return (
    releases.find(({ schema }) => element(schema, path)?.deprecationReason != null)?.release ??
    pending
  )
}

/** Why removing `path` is not announced, or null when it is. */
function unannouncedRemoval(releases, path, today) {
  const latest = releases.at(-1).schema
  const removed = element(latest, path)
  const members = path.includes('.')
    ? [[path, removed]]
    : isEnumType(removed)
      ? removed.getValues().map((value) => [`${path}.${value.name}`, value])
      : isObjectType(removed) || isInterfaceType(removed) || isInputObjectType(removed)
        ? Object.values(removed.getFields()).map((field) => [`${path}.${field.name}`, field])
        : [] // unions and scalars are reached only through fields, whose removals are checked
  for (const [memberPath, member] of members) {
    const date = removalDate(member)
    if (!date)
      return `${memberPath} was not deprecated with "Removal on YYYY-MM-DD" in the latest release`
    if (date > today) return `${memberPath} is announced for removal on ${date}, not before`
    const since = firstDeprecated(releases, memberPath, releases.at(-1).release)
    if (date < earliestRemoval(since))
      return `${memberPath} was deprecated in ${since}: removal on ${date} breaks the twelve-month promise (${earliestRemoval(since)} at the earliest)`
  }
  return null
}

/** Every deprecation must name a removal date twelve months after the release that shows it. */
function deprecationProblems(releases, schema, pendingRelease) {
  const problems = []
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue
    const members = isEnumType(type)
      ? type.getValues().map((value) => [`${type.name}.${value.name}`, value])
      : isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)
        ? Object.values(type.getFields()).flatMap((field) => [
            [`${type.name}.${field.name}`, field],
            ...(field.args ?? []).map((arg) => [`${type.name}.${field.name}.${arg.name}`, arg]),
          ])
        : []
    for (const [path, member] of members) {
      if (member.deprecationReason == null) continue
      const date = removalDate(member)
      const since = firstDeprecated(releases, path, pendingRelease)
      if (!date)
        problems.push(`${path} is deprecated without "Removal on YYYY-MM-DD" in its reason`)
      else if (date < earliestRemoval(since))
        problems.push(
          `${path} is deprecated in ${since}: its removal date ${date} must be ${earliestRemoval(since)} or later`,
        )
    }
  }
  return problems
}

function thisMonth(today) {
  return today.slice(0, 7)
}

/**
 * Compares the schema in `schemaDir` with the latest snapshot in `releasedDir` (or, when
 * `replacing` names a release being written again, with the one before it). Returns the
 * inspector's changes by criticality, and `problems`: what makes the check fail.
 */
export async function check({ schemaDir, releasedDir, today, replacing }) {
  const current = loadSchema(schemaDir)
  const releases = loadReleases(releasedDir).filter(({ release }) => release !== replacing)
  // a deprecation no snapshot shows yet comes out with the next release: this month's at the earliest
  const pendingRelease = replacing ?? thisMonth(today)
  const problems = deprecationProblems(releases, current, pendingRelease)
  if (releases.length === 0) {
    return { base: null, breaking: [], dangerous: [], safe: [], problems }
  }
  const changes = await diff(releases.at(-1).schema, current)
  const breaking = changes.filter(
    (change) => change.criticality.level === CriticalityLevel.Breaking,
  )
  for (const change of breaking) {
    const why = REMOVALS.has(change.type)
      ? unannouncedRemoval(releases, change.path, today)
      : 'not a removal'
    if (why) problems.push(`${change.message}: ${why}`)
  }
  return {
    base: releases.at(-1).release,
    breaking,
    dangerous: changes.filter((change) => change.criticality.level === CriticalityLevel.Dangerous),
    safe: changes.filter((change) => change.criticality.level === CriticalityLevel.NonBreaking),
    problems,
  }
}

function changelogSection(release, result, schema) {
  const lines = [`<!-- generated: ${release} -->`]
  if (result.base === null) {
    const types = Object.values(schema.getTypeMap()).filter(
      (type) => !type.name.startsWith('__') && !isSpecifiedScalarType(type),
    )
    lines.push(`First release: the whole schema, ${types.length} types.`)
    for (const [kind, test] of KINDS) {
      const names = types.filter(test).map((type) => `\`${type.name}\``)
      if (names.length > 0) lines.push('', `${kind}: ${names.sort().join(', ')}`)
    }
  } else {
    const list = (title, changes) => {
      if (changes.length === 0) return
      lines.push('', `${title}:`, '', ...changes.map((change) => `- ${change.message}`))
    }
    lines.push(`Changes since ${result.base}.`)
    list('Removed after their announced date', result.breaking)
    list('Dangerous (clients should check)', result.dangerous)
    list('Added or changed compatibly', result.safe)
  }
  lines.push(`<!-- end generated: ${release} -->`)
  return lines.join('\n')
}

/** Writes the snapshot of `release` and its generated changelog section (replacing earlier ones). */
export async function release({ schemaDir, releasedDir, changelog, today, release: name }) {
  const result = await check({ schemaDir, releasedDir, today, replacing: name })
  if (result.problems.length > 0) return result
  const schema = loadSchema(schemaDir)
  mkdirSync(releasedDir, { recursive: true })
  const header = `# DealerDesk GraphQL schema as released in ${name}: written by \`npm run schema:release\`, not by hand.\n\n`
  writeFileSync(join(releasedDir, `${name}.graphql`), header + print(schema))
  const section = changelogSection(name, result, schema)
  const text = readFileSync(changelog, 'utf8')
  const generated = new RegExp(
    `<!-- generated: ${name} -->[\\s\\S]*?<!-- end generated: ${name} -->`,
  )
  const heading = `## ${name}`
  writeFileSync(
    changelog,
    generated.test(text)
      ? text.replace(generated, () => section)
      : text.replace(
          '<!-- releases: newest first -->',
          `<!-- releases: newest first -->\n\n${heading}\n\n${section}`,
        ),
  )
  return result
}

async function main([command, releaseName]) {
  const today = new Date().toISOString().slice(0, 10)
  const dirs = {
    schemaDir: join(ROOT, 'schema'),
    releasedDir: join(ROOT, 'schema', 'released'),
    changelog: join(ROOT, 'docs', 'schema-changelog.md'),
    today,
  }
  let result
  if (command === 'check') result = await check(dirs)
  else if (command === 'release')
    result = await release({ ...dirs, release: releaseName ?? thisMonth(today) })
  else {
    console.error('usage: schema-contract.mjs check | release [YYYY-MM]')
    return 2
  }
  const base = result.base ? `released ${result.base}` : 'no earlier release'
  console.log(`schema contract: ${relative(ROOT, dirs.schemaDir)}/ against ${base}`)
  for (const change of result.dangerous) console.log(`  dangerous: ${change.message}`)
  console.log(
    `  ${result.breaking.length} breaking, ${result.dangerous.length} dangerous, ${result.safe.length} safe change(s)`,
  )
  for (const problem of result.problems) console.error(`  NOT ANNOUNCED: ${problem}`)
  if (result.problems.length > 0) {
    console.error('schema contract broken: see docs/schema-changelog.md, "Retiring a field"')
    return 1
  }
  if (command === 'release')
    console.log(
      `  wrote schema/released/${releaseName ?? thisMonth(today)}.graphql and its changelog section`,
    )
  return 0
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2))
}
