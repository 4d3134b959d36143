/**
 * `npm run bench`: each benchmark prints its scenarios against a baseline measured in the same run.
 * `npm run bench -- photos`, `-- delivery`, `-- proof` or `-- search` runs one.
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
if (!only || only === 'search') {
  const { benchSearch } = await import('./search')
  await benchSearch()
}
process.exit(0)

export {}
