/**
 * `npm run bench`: each benchmark prints its scenarios against a baseline measured in the same run.
 * `npm run bench -- photos`, `-- delivery`, `-- proof` or `-- search` runs one; `-- load` runs the
 * office's read and write mix for a minute, `-- crash` kills the server 30 times under writes
 * (neither is part of the plain run).
 */
const only = process.argv[2]

if (!only || only === 'photos') {
  const { benchPhotos } = await import('./photos')
  await benchPhotos()
}
if (!only || only === 'delivery') {
  const { benchDelivery } = await import('./delivery')
  await benchDelivery()
}
if (!only || only === 'proof') {
  const { benchProof } = await import('./proof')
  await benchProof()
}
if (only === 'load') {
  // Not part of a plain `npm run bench`: it runs a minute (ten with LOAD_SOAK=1).
  const { benchLoad } = await import('./load')
  await benchLoad()
}
if (only === 'crash') {
  const { benchCrash } = await import('./crash')
  await benchCrash()
}
if (!only || only === 'search') {
  const { benchSearch } = await import('./search')
  await benchSearch()
}
process.exit(0)

export {}
