/** `npm run bench`: the benchmarks, each printing its scenarios against a baseline measured in the same run. */
import { benchPhotos } from './photos'

await benchPhotos()
process.exit(0)
