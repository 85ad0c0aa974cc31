// An entry read-only: what a case worker or a partner officer sees of another organisation.
import { Card, DataList, Flex, Heading, Link as RadixLink, Text } from '@radix-ui/themes';
import type { TPartner } from '../../../../shared/schemas/partners';
import { useT } from '../../i18n/use-t';
import { usePartnerLabels } from './labels';
import { isWebAddress } from './web-address';

export function ContactPointList({ points }: { points: TPartner['contactPoints'] }) {
  return (
    <ul className="plain-list">
      {points.map((c, index) => (
        <li key={index} className="contact-point">
          <Text as="div" weight="bold" size="2">
            {c.label}
          </Text>
          {c.phone ? (
            <Text as="div" size="2">
              <a href={`tel:${c.phone.replace(/[^+\d]/g, '')}`}>{c.phone}</a>
            </Text>
          ) : null}
          {c.email ? (
            <Text as="div" size="2">
              <a href={`mailto:${c.email}`}>{c.email}</a>
            </Text>
          ) : null}
          {c.address ? (
            <Text as="div" size="2">
              {c.address}
            </Text>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

export function PartnerDetails({ partner }: { partner: TPartner }) {
  const t = useT();
  const labels = usePartnerLabels();
  const description = labels.text(partner.descriptions);
  const notSet = <Text color="gray">{t('common.notSet')}</Text>;
  return (
    <Card size="3">
      <section aria-labelledby="details-heading" data-testid="partner-details">
        <Heading as="h2" size="4" mb="3" id="details-heading">
          {t('partners.entry.details')}
        </Heading>
        {description ? (
          <Text as="p" mb="3">
            {description}
          </Text>
        ) : null}
        <DataList.Root orientation={{ initial: 'vertical', sm: 'horizontal' }}>
          <DataList.Item>
            <DataList.Label>{t('partners.col.type')}</DataList.Label>
            <DataList.Value>{labels.type(partner.partnerType)}</DataList.Value>
          </DataList.Item>
          <DataList.Item>
            <DataList.Label>{t('partners.col.services')}</DataList.Label>
            <DataList.Value>{labels.list(partner.services, labels.service)}</DataList.Value>
          </DataList.Item>
          <DataList.Item>
            <DataList.Label>{t('partners.col.regions')}</DataList.Label>
            <DataList.Value>
              {partner.regions.length > 0 ? labels.list(partner.regions, labels.region) : notSet}
            </DataList.Value>
          </DataList.Item>
          <DataList.Item>
            <DataList.Label>{t('partners.col.languages')}</DataList.Label>
            <DataList.Value>{labels.list(partner.languages, labels.language)}</DataList.Value>
          </DataList.Item>
          <DataList.Item>
            <DataList.Label>{t('partners.field.hours')}</DataList.Label>
            <DataList.Value>{partner.hours ?? notSet}</DataList.Value>
          </DataList.Item>
          <DataList.Item>
            <DataList.Label>{t('partners.field.website')}</DataList.Label>
            <DataList.Value>
              {partner.website && isWebAddress(partner.website) ? (
                <RadixLink href={partner.website} target="_blank" rel="noopener noreferrer">
                  {partner.website}
                </RadixLink>
              ) : (
                notSet
              )}
            </DataList.Value>
          </DataList.Item>
          <DataList.Item>
            <DataList.Label>{t('partners.entry.letterLanguage')}</DataList.Label>
            <DataList.Value>{t(`partners.form.letterLanguage.${partner.letterLanguage}`)}</DataList.Value>
          </DataList.Item>
          {partner.notifyEmail ? (
            <DataList.Item>
              <DataList.Label>{t('partners.entry.notifyEmail')}</DataList.Label>
              <DataList.Value>{partner.notifyEmail}</DataList.Value>
            </DataList.Item>
          ) : null}
          <DataList.Item>
            <DataList.Label>{t('partners.col.memoranda')}</DataList.Label>
            <DataList.Value>
              {partner.memoranda.length > 0
                ? partner.memoranda.map((m) => labels.name(m.titles)).join('; ')
                : notSet}
            </DataList.Value>
          </DataList.Item>
        </DataList.Root>
        {partner.contactPoints.length > 0 ? (
          <Flex direction="column" gap="2" mt="4">
            <Heading as="h3" size="3">
              {t('partners.entry.contacts')}
            </Heading>
            <ContactPointList points={partner.contactPoints} />
          </Flex>
        ) : null}
      </section>
    </Card>
  );
}
