/**
 * Child process of the 1M benchmark: deduplicates one file exactly as `senim dedupe` does and
 * prints {seconds, persons, pairs, candidates, maxRssMb} as JSON. Run in its own process so that
 * the peak memory measured is the dedupe's alone.
 */
import { dedupeFile, writePairs } from '../../server/features/linkage/dedupe-file';

const [file, out] = process.argv.slice(2);
if (!file || !out) {
  console.error('usage: large-child.ts <persons.csv> <pairs.csv>');
  process.exit(2);
}
const started = performance.now();
const { loaded, result, rows } = await dedupeFile(file, {});
await writePairs(out, rows);
const seconds = (performance.now() - started) / 1000;
const maxRssMb = process.resourceUsage().maxRSS / 1024;
console.log(
  JSON.stringify({ seconds, persons: loaded.persons.length, pairs: rows.length, candidates: result.candidates, maxRssMb }),
);
