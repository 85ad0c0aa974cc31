// Attaching the contact just saved to a case that exists: find it by number, phone or name, then one
// click on its row.
import { MagnifyingGlassIcon } from '@radix-ui/react-icons';
import { Button, Flex, Heading, Text, TextField } from '@radix-ui/themes';
import { useId, useState } from 'react';
import { useCaseList } from '../../api/cases';
import { useAttachContact } from '../../api/hotline';
import { ErrorCallout } from '../../components/error-callout';
import { Loading } from '../../components/loading';
import { useFormatDateTime, useT } from '../../i18n/use-t';
import { CaseStatusBadge } from '../case-list/case-labels';

export const ATTACH_SEARCH_SIZE = 10;

export function AttachToCase({
  contactId,
  onAttached,
}: {
  contactId: string;
  onAttached: (opened: { id: string; caseNumber: string }) => void;
}) {
  const t = useT();
  const formatDateTime = useFormatDateTime();
  const inputId = useId();
  const hintId = `${inputId}-hint`;
  const [text, setText] = useState('');
  const [q, setQ] = useState<string | null>(null);
  const results = useCaseList({ q: q ?? undefined, pageSize: ATTACH_SEARCH_SIZE }, q !== null);
  const attach = useAttachContact();
  const items = q !== null ? (results.data?.items ?? []) : [];

  return (
    <Flex direction="column" gap="2" data-testid="attach-to-case">
      <Heading as="h3" size="3">
        {t('caseList.attachHeading')}
      </Heading>
      <form
        role="search"
        aria-label={t('caseList.attachHeading')}
        onSubmit={(event) => {
          event.preventDefault();
          const next = text.trim();
          if (next) setQ(next);
        }}
      >
        <Flex gap="2" align="end" wrap="wrap">
          <Flex direction="column" gap="1">
            <Text as="label" htmlFor={inputId} size="2" weight="bold">
              {t('caseList.attachSearchLabel')}
            </Text>
            <TextField.Root
              id={inputId}
              type="search"
              value={text}
              aria-describedby={hintId}
              autoComplete="off"
              onChange={(event) => setText(event.target.value)}
              className="search-field"
            >
              <TextField.Slot>
                <MagnifyingGlassIcon aria-hidden />
              </TextField.Slot>
            </TextField.Root>
          </Flex>
          <Button type="submit" variant="soft">
            {t('caseList.searchSubmit')}
          </Button>
        </Flex>
        <Text id={hintId} size="1" color="gray">
          {t('caseList.attachSearchHint')}
        </Text>
      </form>
      <ErrorCallout error={results.error} />
      {q !== null && results.isFetching && !results.data ? <Loading /> : null}
      {q !== null && results.data && !results.error ? (
        items.length === 0 ? (
          <Text as="p" size="2" role="status">
            {t('caseList.attachNothingFound')}
          </Text>
        ) : (
          <div className="table-wrap">
            <table className="data-table" data-testid="attach-results">
              <caption className="visually-hidden">{t('caseList.attachResults')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('caseList.colNumber')}</th>
                  <th scope="col">{t('caseList.colStatus')}</th>
                  <th scope="col">{t('caseList.colOpened')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('caseList.colActions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {items.map((c) => (
                  <tr key={c.id} data-case-id={c.id}>
                    <th scope="row">{c.caseNumber}</th>
                    <td>
                      <CaseStatusBadge status={c.status} />
                    </td>
                    <td>{formatDateTime(c.openedAt, 'date')}</td>
                    <td>
                      <Button
                        type="button"
                        size="1"
                        aria-label={t('caseList.attachTo', { number: c.caseNumber })}
                        loading={attach.isPending && attach.variables?.caseId === c.id}
                        disabled={attach.isPending}
                        onClick={() =>
                          attach.mutate(
                            { caseId: c.id, contactId },
                            { onSuccess: () => onAttached({ id: c.id, caseNumber: c.caseNumber }) },
                          )
                        }
                      >
                        {t('caseList.attach')}
                      </Button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      ) : null}
      <ErrorCallout error={attach.error} />
    </Flex>
  );
}
