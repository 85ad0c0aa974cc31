/**
 * Mapping the columns of an input file to the person fields the engine knows.
 *
 * `--columns id=rec_id,family_name=surname,address=street_number+address_1+suburb` maps one
 * field to one column, or to several columns joined with spaces ("+"). Fields not mapped are
 * looked up under their own name; other columns are ignored.
 */
export const PERSON_FIELDS = [
  'id',
  'given_name',
  'family_name',
  'middle_name',
  'birth_date',
  'sex',
  'citizenship',
  'document_number',
  'phone',
  'address',
  'postcode',
] as const;
export type PersonField = (typeof PERSON_FIELDS)[number];
export type RawPerson = Partial<Record<PersonField, string>> & { id: string };

export type ColumnSpec = Partial<Record<PersonField, string[]>>;

export class ColumnError extends Error {}

/** Parse "field=col[+col…],field=col" into a spec. */
export function parseColumnSpec(text: string | undefined): ColumnSpec {
  const spec: ColumnSpec = {};
  if (!text) return spec;
  for (const part of text.split(',')) {
    const p = part.trim();
    if (p === '') continue;
    const eq = p.indexOf('=');
    if (eq <= 0) throw new ColumnError(`--columns: "${p}" is not field=column`);
    const field = p.slice(0, eq).trim() as PersonField;
    if (!PERSON_FIELDS.includes(field)) {
      throw new ColumnError(`--columns: unknown field "${field}" (known: ${PERSON_FIELDS.join(', ')})`);
    }
    const cols = p
      .slice(eq + 1)
      .split('+')
      .map((c) => c.trim())
      .filter((c) => c !== '');
    if (cols.length === 0) throw new ColumnError(`--columns: no column given for "${field}"`);
    spec[field] = cols;
  }
  return spec;
}

export type RowMapper = (fields: readonly string[]) => RawPerson;

/** Build a function turning a row into a RawPerson, given the header. */
export function mapperFor(header: readonly string[], spec: ColumnSpec): RowMapper {
  const index = new Map<string, number>();
  header.forEach((h, i) => index.set(h.trim().toLowerCase(), i));
  const plan: Array<[PersonField, number[]]> = [];
  for (const field of PERSON_FIELDS) {
    const cols = spec[field] ?? [field];
    const idx: number[] = [];
    for (const c of cols) {
      const i = index.get(c.toLowerCase());
      if (i === undefined) {
        if (spec[field]) throw new ColumnError(`column "${c}" (for ${field}) is not in the header`);
        continue;
      }
      idx.push(i);
    }
    if (idx.length > 0) plan.push([field, idx]);
  }
  if (!plan.some(([f]) => f === 'id')) throw new ColumnError('no id column: name one with --columns id=<column>');
  return (fields) => {
    const out: RawPerson = { id: '' };
    for (const [field, idx] of plan) {
      let v = '';
      for (const i of idx) {
        const f = fields[i] ?? '';
        if (f !== '') v = v === '' ? f : `${v} ${f}`;
      }
      if (v !== '') out[field] = v;
    }
    return out;
  };
}
