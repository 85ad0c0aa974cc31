import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ILO_INDICATOR_IDS, ILO_INDICATOR_LABELS } from '../../../shared/htcds/ilo-indicators';
import { formatGenerated, kindOf, splitValues } from './fields-source';

const DATA = path.resolve(import.meta.dirname, '../../../../shared/data');
const FIELDS_CSV = path.join(DATA, 'htcds/htcds-v2-fields.csv');
const GENERATED = path.resolve(import.meta.dirname, '../../../shared/htcds/fields.generated.ts');
const ILO_JSON = path.join(DATA, 'ilo/ilo-forced-labour-indicators.json');

describe('the HTCDS field list generator', () => {
  it('splits picklists and normalises types', () => {
    expect(splitValues('Active; FollowUp')).toEqual({ codes: ['Active', 'FollowUp'] });
    expect(splitValues('Use ISO 3166 country codes standard')).toEqual({
      codes: [],
      standard: 'Use ISO 3166 country codes standard',
    });
    expect(() => splitValues('A b; C')).toThrow(/unexpected picklist value/);
    expect(kindOf('Lookup [to person]')).toBe('lookup');
    expect(() => kindOf('Currency')).toThrow(/unknown HTCDS type/);
  });

  it.skipIf(!existsSync(FIELDS_CSV))(
    'committed fields.generated.ts matches the CSV (re-run generate-fields.ts)',
    async () => {
      expect(await formatGenerated(FIELDS_CSV, GENERATED)).toBe(readFileSync(GENERATED, 'utf8'));
    },
  );

  it.skipIf(!existsSync(ILO_JSON))(
    'has the ILO indicators of shared/data, in order, with their English labels',
    () => {
      const json = JSON.parse(readFileSync(ILO_JSON, 'utf8')) as {
        indicators: Array<{ id: string; en: string }>;
      };
      expect(json.indicators.map((i) => i.id)).toEqual([...ILO_INDICATOR_IDS]);
      for (const i of json.indicators)
        expect(ILO_INDICATOR_LABELS[i.id as (typeof ILO_INDICATOR_IDS)[number]].en).toBe(i.en);
    },
  );
});
