import { createReadStream, existsSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { emptyHtcdsRecord, type THtcdsRecord } from '../../../shared/htcds/record';
import { readCsv } from '../linkage/csv-reader';
import { formatHtcdsCsv, importHtcdsCsv } from './csv';
import {
  CTDC_GLOBAL_COLUMNS,
  CTDC_VICTIM_PERPETRATOR_COLUMNS,
  ctdcVictimPerpetratorToHtcds,
  htcdsToCtdcGlobalFlags,
} from './ctdc-mapping';

const CTDC_FILE = path.resolve(
  import.meta.dirname,
  '../../../../shared/data/ctdc/ctdc-synthetic-victim-perpetrator.csv',
);

describe('CTDC ↔ HTCDS correspondence', () => {
  it('documents the 27 columns of the global dataset and exports flags from HTCDS codes', () => {
    expect(CTDC_GLOBAL_COLUMNS).toHaveLength(27);
    const record = emptyHtcdsRecord();
    record.person.prs_Gender = 'TransgenderMasculine';
    record.victimContext.vic_MethodsOfControl = ['ThreatsLawEnforcement', 'WithholdsDocuments'];
    record.victimContext.vic_TypeOfExploitation = ['ForcedBegging'];
    record.victimContext.vic_ForcedLabourIndustry = 'T_ActivitiesOfHouseholdsAsEmployers';
    record.victimContext.vic_RelationshipToTrafficker = 'Acquainted';
    const flags = htcdsToCtdcGlobalFlags(record);
    expect(Object.entries(flags).filter(([, v]) => v !== '')).toEqual([
      ['meansThreats', '1'],
      ['meansWithholdDocs', '1'],
      ['isOtherExploit', '1'],
      ['typeOfLabourDomesticWork', '1'],
      ['recruiterRelationFriend', '1'],
      ['gender', 'Trans/Transgender/NonConforming'],
    ]);
  });

  describe.skipIf(!existsSync(CTDC_FILE))('the CTDC synthetic Victim-Perpetrator file', () => {
    it(
      'maps every column and every row to valid HTCDS records that survive an HTCDS export and import',
      { timeout: 30_000 },
      async () => {
        const victims: THtcdsRecord[] = [];
        const perpetrators: THtcdsRecord[] = [];
        let header: string[] = [];
        for await (const row of readCsv(createReadStream(CTDC_FILE), { strict: true })) {
          if (row.line === 1) {
            header = row.fields;
            continue;
          }
          const cells = Object.fromEntries(header.map((h, i) => [h, row.fields[i] ?? '']));
          const { victim, perpetrator } = ctdcVictimPerpetratorToHtcds(cells);
          victims.push(victim);
          perpetrators.push(perpetrator);
        }
        expect(header).toEqual(CTDC_VICTIM_PERPETRATOR_COLUMNS.map((c) => c.column));
        expect(victims).toHaveLength(21_195); // SOURCES.md says 21,194; the file holds 21,195 data rows

        const count = (pred: (r: THtcdsRecord) => boolean) => victims.filter(pred).length;
        // Figures of the file itself (column counts), preserved by the mapping.
        expect(count((r) => r.person.prs_Gender === 'Feminine')).toBe(9589);
        expect(count((r) => r.person.prs_Gender === 'Masculine')).toBe(7995);
        expect(count((r) => r.victimContext.vic_TypeOfExploitation?.includes('ForcedLabour') === true)).toBe(
          12_248,
        );
        expect(
          count((r) => r.victimContext.vic_TypeOfExploitation?.includes('SexualExploitation') === true),
        ).toBe(2775);
        expect(
          perpetrators.filter((r) => r.perpetratorContext.per_RoleInProcess?.includes('Exploiter')).length,
        ).toBe(9458);

        const columns = [
          'prs_Gender',
          'vic_RelationshipToTrafficker',
          'vic_TypeOfExploitation',
          'per_RoleInProcess',
        ] as const;
        const back = await importHtcdsCsv(
          Readable.from([formatHtcdsCsv([...victims, ...perpetrators], { columns })]),
        );
        expect(back.rejected.filter((r) => r.errors[0]?.code !== 'emptyRow')).toEqual([]);
        const nonEmpty = [...victims, ...perpetrators].filter((r) =>
          Object.values(r).some((g) => Object.keys(g).length > 0),
        );
        expect(back.records.map((r) => r.record)).toEqual(nonEmpty);
      },
    );
  });
});
