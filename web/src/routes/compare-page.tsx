import { Badge, Button, Callout, Flex, Text } from '@radix-ui/themes';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { MERGE_FIELDS, type TMerge, type TMergeField, type TPersonBrief } from '../../../shared/schemas/persons';
import { useCompare, useMerge, useUndoMerge } from '../api/duplicates';
import { useCan } from '../api/session';
import { ConfirmDialog } from '../components/confirm-dialog';
import { ErrorCallout } from '../components/error-callout';
import { Loading } from '../components/loading';
import { PageTitle } from '../components/page-title';
import { DuplicateReasons, personLabel } from '../features/duplicates/reasons';
import { useT } from '../i18n/use-t';
import { NotFoundPage } from './not-found-page';

function valueOf(p: TPersonBrief, f: TMergeField): string | null {
  if (f === 'sex' || f === 'citizenship' || f === 'migrationStatus') return p[f];
  return p.identity?.[f] ?? null;
}

/** Two records side by side: keep one, take any field from the other, merge; undo right after. */
export default function ComparePage() {
  const t = useT();
  const canMerge = useCan('person.merge');
  const [params] = useSearchParams();
  const a = params.get('a') ?? '';
  const b = params.get('b') ?? '';
  const pair = useCompare(a, b);
  const merge = useMerge();
  const undo = useUndoMerge();
  const [keep, setKeep] = useState<'a' | 'b'>('a');
  const [take, setTake] = useState<Set<TMergeField>>(new Set());
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<TMerge | null>(null);
  if (!canMerge || !a || !b) return <NotFoundPage />;
  if (pair.isPending) return <Loading />;
  if (pair.error || !pair.data) return <ErrorCallout error={pair.error} />;
  const kept = keep === 'a' ? pair.data.a : pair.data.b;
  const other = keep === 'a' ? pair.data.b : pair.data.a;
  // A field is taken from the other record when chosen, or when the kept record has no value.
  const toggle = (f: TMergeField, fromOther: boolean) =>
    setTake((s) => {
      const n = new Set(s);
      if (fromOther) n.add(f);
      else n.delete(f);
      return n;
    });
  const switchKeep = (k: 'a' | 'b') => {
    setKeep(k);
    setTake(new Set());
  };

  return (
    <Flex direction="column" gap="4">
      <PageTitle title={t('dup.compareTitle')} />
      <Link to="/duplicates" className="back-link">
        {t('dup.backToList')}
      </Link>
      <Flex gap="2" align="center" wrap="wrap">
        <Text>{t('dup.similarity', { score: Math.round(pair.data.score * 100) })}</Text>
        <DuplicateReasons reasons={pair.data.reasons} />
      </Flex>
      {done ? (
        <Callout.Root color={done.undoneAt ? 'gray' : 'green'} role="status" data-testid="merge-result">
          <Callout.Text>
            {done.undoneAt
              ? t('dup.undone')
              : t('dup.merged', { cases: done.movedCases, contacts: done.movedContacts })}
          </Callout.Text>
          {!done.undoneAt ? (
            <Button
              variant="soft"
              disabled={undo.isPending}
              onClick={() => undo.mutate(done.id, { onSuccess: (m) => setDone(m) })}
            >
              {t('dup.undo')}
            </Button>
          ) : null}
        </Callout.Root>
      ) : null}
      <ErrorCallout error={merge.error ?? undo.error} />
      {!done ? (
        <>
          <div className="table-wrap">
            <table className="data-table compare-table" data-testid="compare-table">
              <caption className="visually-hidden">{t('dup.compareTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('dup.colField')}</th>
                  {(['a', 'b'] as const).map((side) => {
                    const p = side === 'a' ? pair.data.a : pair.data.b;
                    return (
                      <th scope="col" key={side}>
                        <Flex direction="column" gap="1">
                          <label>
                            <input type="radio" name="keep" checked={keep === side} onChange={() => switchKeep(side)} />{' '}
                            {t('dup.keepThis')}
                          </label>
                          <Text size="1" color="gray">
                            {p.cases.map((c) => c.caseNumber).join(', ') || t('dup.noCases')}
                          </Text>
                        </Flex>
                      </th>
                    );
                  })}
                </tr>
              </thead>
              <tbody>
                {MERGE_FIELDS.map((f) => {
                  const kv = valueOf(kept, f);
                  const ov = valueOf(other, f);
                  const fromOther = take.has(f);
                  const cell = (side: 'a' | 'b') => {
                    const p = side === 'a' ? pair.data.a : pair.data.b;
                    const v = valueOf(p, f);
                    const isKept = side === keep;
                    const chosen = isKept ? !fromOther : fromOther;
                    return (
                      <td key={side}>
                        <label>
                          <input
                            type="radio"
                            name={`field-${f}`}
                            checked={chosen}
                            disabled={kv === ov}
                            onChange={() => toggle(f, !isKept)}
                          />{' '}
                          {v ?? <Text color="gray">{t('dup.empty')}</Text>}
                        </label>
                      </td>
                    );
                  };
                  return (
                    <tr key={f}>
                      <th scope="row">
                        {t(`dup.merge.${f}`)} {kv !== ov ? <Badge color="amber">{t('dup.differs')}</Badge> : null}
                      </th>
                      {cell('a')}
                      {cell('b')}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <Text size="2" color="gray">
            {t('dup.mergeHint', { kept: personLabel(t, kept) })}
          </Text>
          <Flex>
            <Button onClick={() => setConfirming(true)} disabled={merge.isPending}>
              {t('dup.mergeButton')}
            </Button>
          </Flex>
        </>
      ) : null}
      <ConfirmDialog
        open={confirming}
        title={t('dup.confirmTitle')}
        body={t('dup.confirmBody')}
        confirmLabel={t('dup.mergeButton')}
        isPending={merge.isPending}
        onClose={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          merge.mutate({ keepId: kept.id, mergeId: other.id, take: [...take] }, { onSuccess: (m) => setDone(m) });
        }}
      />
    </Flex>
  );
}
