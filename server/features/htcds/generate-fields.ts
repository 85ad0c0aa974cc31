/**
 * Generates shared/htcds/fields.generated.ts from the HTCDS v2.0 field list (a CSV export of the
 * sheet `Field_Standards` of IOM's `HTCDS Field Standards 2.0.ods`, CC BY 4.0 © IOM).
 *
 *   node bin/run-ts.mjs server/features/htcds/generate-fields.ts [fields.csv] [out.ts]
 *
 * Defaults: ../shared/data/htcds/htcds-v2-fields.csv (beside the repository) and
 * shared/htcds/fields.generated.ts. Re-running on the same CSV writes the same bytes.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatGenerated } from './fields-source';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const DEFAULT_FIELDS_CSV = path.resolve(REPO, '../shared/data/htcds/htcds-v2-fields.csv');
const DEFAULT_OUT = path.resolve(REPO, 'shared/htcds/fields.generated.ts');

const [csvPath = DEFAULT_FIELDS_CSV, outPath = DEFAULT_OUT] = process.argv.slice(2);
const text = await formatGenerated(csvPath, outPath);
await writeFile(outPath, text);
console.log(`wrote ${path.relative(process.cwd(), outPath)}`);
