// Checks that every Node version package.json's `engines` admits is one that every locked
// package admits too: with engine-strict (.npmrc), a Node the README names but a dependency
// refuses would fail `npm ci` (EBADENGINE). Each range of ours is tried at its lowest version
// and every later major within it. Run by `make lint`.
import { readFileSync } from 'node:fs'
import semver from 'semver'

const ours = JSON.parse(readFileSync(new URL('./package.json', import.meta.url))).engines.node
const lock = JSON.parse(readFileSync(new URL('./package-lock.json', import.meta.url)))
const newest = 30 // majors past this are not tried

const versions = []
for (const set of new semver.Range(ours).set) {
  const range = new semver.Range(set.map((c) => c.value).join(' '))
  const low = semver.minVersion(range)
  versions.push(low.version)
  for (let major = low.major + 1; major <= newest; major++) {
    if (semver.satisfies(`${major}.0.0`, range)) versions.push(`${major}.0.0`)
  }
}

const refused = []
for (const [path, pkg] of Object.entries(lock.packages)) {
  const theirs = pkg.engines?.node
  if (!path || !theirs) continue
  for (const version of versions) {
    if (!semver.satisfies(version, theirs)) refused.push(`${path} (node ${theirs}) refuses Node ${version}`)
  }
}
if (refused.length > 0) {
  console.error(`package.json engines.node is "${ours}", but:\n  ${refused.join('\n  ')}`)
  console.error('Narrow engines.node (and the README) to the versions every dependency accepts.')
  process.exit(1)
}
