// The person of the case: identity (or "hidden for your role"), profile, contact details, documents
// and household, and the form to edit them.
import { Badge, DataList, Flex, Text } from '@radix-ui/themes';
import { mayEditFile, type TCaseFile } from '../../api/case-file';
import { useT } from '../../i18n/use-t';
import { useCaseLabels, useFormatDay } from './labels';
import { PersonForm } from './person-form';
import {
  EditToggle,
  Hidden,
  RedactedNotice,
  SavedNotice,
  SectionCard,
  SubHeading,
  useEditing,
  ValueItem,
} from './section';

/** Full years between a birth date and today. */
export function ageOn(birthDate: string, today = new Date()): number {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  let age = today.getFullYear() - y;
  if (today.getMonth() + 1 < m || (today.getMonth() + 1 === m && today.getDate() < d)) age -= 1;
  return age;
}

export function PersonSection({
  caseFile,
  onReload,
}: {
  caseFile: TCaseFile;
  onReload: () => Promise<unknown>;
}) {
  const t = useT();
  const editing = useEditing();
  // editing replaces identity fields: only for those who may read (and so keep) them
  const canEdit = mayEditFile(caseFile) && !caseFile.identityRedacted;
  return (
    <SectionCard
      title={t('caseFile.tab.person')}
      testId="person-section"
      actions={
        canEdit ? (
          <EditToggle editing={editing} label={t('caseFile.person.edit')} testId="edit-person" />
        ) : null
      }
    >
      <SavedNotice editing={editing} />
      {editing.isEditing ? (
        <PersonForm
          key={editing.formKey}
          caseFile={caseFile}
          onSaved={() => editing.stop(true)}
          onReload={async () => {
            await onReload();
            editing.remount();
          }}
        />
      ) : (
        <PersonView caseFile={caseFile} />
      )}
    </SectionCard>
  );
}

function PersonView({ caseFile }: { caseFile: TCaseFile }) {
  const t = useT();
  const labels = useCaseLabels();
  const formatDay = useFormatDay();
  const person = caseFile.person;
  const identity = person?.identity ?? null;
  const redacted = caseFile.identityRedacted;
  const profile = caseFile.personProfile;
  const extra = caseFile.personExtra;
  const idValue = (value: string | null | undefined) => (redacted ? <Hidden /> : (value ?? null));

  if (!person && !redacted) {
    return (
      <Text as="p" color="gray">
        {t('caseFile.person.none')}
      </Text>
    );
  }

  const name = identity
    ? [identity.familyName, identity.givenName, identity.middleName].filter(Boolean).join(' ')
    : '';
  const age = identity?.birthDate
    ? t('caseFile.person.bornOn', { date: formatDay(identity.birthDate), age: ageOn(identity.birthDate) })
    : caseFile.ageYears !== null
      ? caseFile.ageStatedOn
        ? t('caseFile.person.ageStated', { age: caseFile.ageYears, date: formatDay(caseFile.ageStatedOn) })
        : t('caseFile.person.ageOnly', { age: caseFile.ageYears })
      : person?.birthYear
        ? t('caseFile.person.bornIn', { year: String(person.birthYear) })
        : null;
  const citizenships = [person?.citizenship, ...(profile?.otherCitizenships ?? [])].filter((c): c is string =>
    Boolean(c),
  );
  const mailing = extra
    ? [
        extra.mailingStreet,
        extra.mailingCity,
        extra.mailingState,
        extra.mailingPostalCode,
        labels.country(extra.mailingCountry),
      ]
        .filter(Boolean)
        .join(', ')
    : '';

  return (
    <Flex direction="column" gap="3">
      {redacted ? <RedactedNotice>{t('caseFile.person.redactedNotice')}</RedactedNotice> : null}
      <DataList.Root data-testid="person-identity">
        <ValueItem label={t('caseFile.person.name')} testId="person-name">
          {redacted ? <Hidden /> : name}
        </ValueItem>
        <ValueItem label={t('caseFile.person.birthDateOrAge')}>{age}</ValueItem>
        <ValueItem label={t('caseFile.person.sex')}>{labels.htcds('gender', person?.sex)}</ValueItem>
        <ValueItem label={t('caseFile.person.citizenship')}>
          {citizenships.map((c) => labels.country(c)).join(', ')}
        </ValueItem>
        <ValueItem label={t('caseFile.person.languages')}>
          {(person?.languages ?? []).map((l) => labels.code('caseFile.language', l)).join(', ')}
        </ValueItem>
        <ValueItem label={t('caseFile.person.phone')}>{idValue(identity?.phone)}</ValueItem>
        <ValueItem label={t('caseFile.person.documentNumber')}>{idValue(identity?.documentNumber)}</ValueItem>
        <ValueItem label={t('caseFile.person.address')}>{idValue(identity?.address)}</ValueItem>
        <ValueItem label={t('caseFile.person.migrationStatus')}>
          {labels.code('caseFile.migration', person?.migrationStatus)}
        </ValueItem>
      </DataList.Root>

      <SubHeading>{t('caseFile.person.profile')}</SubHeading>
      <DataList.Root>
        <ValueItem label={t('caseFile.person.maritalStatus')}>
          {labels.htcds('maritalStatus', profile?.maritalStatus)}
        </ValueItem>
        <ValueItem label={t('caseFile.person.numberOfChildren')}>
          {profile?.numberOfChildren !== undefined && profile?.numberOfChildren !== null
            ? String(profile.numberOfChildren)
            : null}
        </ValueItem>
        <ValueItem label={t('caseFile.person.education')}>
          {labels.htcds('educationLevel', profile?.education)}
        </ValueItem>
        <ValueItem label={t('caseFile.person.primaryLanguage')}>
          {labels.code('caseFile.language', profile?.primaryLanguage)}
        </ValueItem>
        <ValueItem label={t('caseFile.person.secondaryLanguage')}>
          {labels.code('caseFile.language', profile?.secondaryLanguage)}
        </ValueItem>
        {profile?.deceased ? (
          <ValueItem label={t('caseFile.person.deceased')}>
            <Badge color="gray">{t('caseFile.yes')}</Badge>
          </ValueItem>
        ) : null}
      </DataList.Root>

      <SubHeading>{t('caseFile.person.contacts')}</SubHeading>
      {extra === null ? (
        redacted ? (
          <Hidden />
        ) : (
          <Text color="gray">{t('common.notSet')}</Text>
        )
      ) : (
        <DataList.Root>
          <ValueItem label={t('caseFile.person.salutationAndTitle')}>
            {[extra.salutation, extra.title].filter(Boolean).join(', ')}
          </ValueItem>
          <ValueItem label={t('caseFile.person.email')}>{extra.email}</ValueItem>
          <ValueItem label={t('caseFile.person.homePhone')}>{extra.homePhone}</ValueItem>
          <ValueItem label={t('caseFile.person.mailingAddress')}>{mailing}</ValueItem>
          {extra.mailingLatitude !== undefined && extra.mailingLongitude !== undefined ? (
            <ValueItem label={t('caseFile.person.coordinates')}>
              {`${extra.mailingLatitude}, ${extra.mailingLongitude}`}
            </ValueItem>
          ) : null}
        </DataList.Root>
      )}

      <SubHeading>{t('caseFile.person.documents')}</SubHeading>
      {extra === null && redacted ? (
        <Hidden />
      ) : (extra?.documents ?? []).length === 0 ? (
        <Text color="gray">{t('caseFile.person.noDocuments')}</Text>
      ) : (
        <div className="table-wrap">
          <table className="data-table" data-testid="documents-table">
            <caption className="visually-hidden">{t('caseFile.person.documents')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('caseFile.person.documentType')}</th>
                <th scope="col">{t('caseFile.person.documentNumberOf')}</th>
                <th scope="col">{t('caseFile.person.documentCountry')}</th>
                <th scope="col">{t('caseFile.person.validUntil')}</th>
                <th scope="col">{t('caseFile.person.heldBy')}</th>
              </tr>
            </thead>
            <tbody>
              {(extra?.documents ?? []).map((d, i) => (
                <tr key={i}>
                  <td>{labels.code('caseFile.documentType', d.type)}</td>
                  <td>{d.number}</td>
                  <td>{labels.country(d.country)}</td>
                  <td>{formatDay(d.validUntil)}</td>
                  <td>
                    {d.heldBy ? (
                      <Badge color={d.heldBy === 'employer_or_other' || d.heldBy === 'lost' ? 'red' : 'gray'}>
                        {labels.code('caseFile.heldBy', d.heldBy)}
                      </Badge>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <SubHeading>{t('caseFile.person.household')}</SubHeading>
      {extra === null && redacted ? (
        <Hidden />
      ) : (extra?.household ?? []).length === 0 ? (
        <Text color="gray">{t('caseFile.person.noHousehold')}</Text>
      ) : (
        <div className="table-wrap">
          <table className="data-table" data-testid="household-table">
            <caption className="visually-hidden">{t('caseFile.person.household')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('caseFile.person.memberName')}</th>
                <th scope="col">{t('caseFile.person.relation')}</th>
                <th scope="col">{t('caseFile.person.birthYear')}</th>
                <th scope="col">{t('caseFile.person.together')}</th>
              </tr>
            </thead>
            <tbody>
              {(extra?.household ?? []).map((h, i) => (
                <tr key={i}>
                  <td>{h.name}</td>
                  <td>{labels.code('caseFile.relation', h.relation)}</td>
                  <td>{h.birthYear ?? ''}</td>
                  <td>{h.together === undefined ? '' : h.together ? t('caseFile.yes') : t('caseFile.no')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Flex>
  );
}
