// The case's stages in order, the current one marked (for screen readers too: aria-current="step").
import { CheckIcon } from '@radix-ui/react-icons';
import { Badge, Box, Flex, Text } from '@radix-ui/themes';
import { CASE_STAGES } from '../../../../shared/schemas/cases';
import { useT } from '../../i18n/use-t';
import { useWorkflowLabels } from './labels';

export function StageStepper({ stage }: { stage: string }) {
  const t = useT();
  const labels = useWorkflowLabels();
  const current = (CASE_STAGES as readonly string[]).indexOf(stage);
  return (
    <nav aria-label={t('workflow.stagesLabel')}>
      <Flex asChild gap="2" wrap="wrap" align="center" m="0" p="0">
        <ol data-testid="workflow-stages">
          {CASE_STAGES.map((code, index) => {
            const isCurrent = index === current;
            const isPast = current >= 0 && index < current;
            return (
              <Box asChild display="inline-block" key={code}>
                <li aria-current={isCurrent ? 'step' : undefined} data-stage={code}>
                  <Flex align="center" gap="2">
                    {index > 0 ? (
                      <Text color="gray" aria-hidden>
                        →
                      </Text>
                    ) : null}
                    <Badge
                      size={isCurrent ? '3' : '2'}
                      variant={isCurrent ? 'solid' : 'soft'}
                      color={isCurrent ? undefined : isPast ? 'green' : 'gray'}
                    >
                      {isPast ? <CheckIcon aria-hidden /> : null}
                      {labels.code('workflow.stage', code)}
                    </Badge>
                  </Flex>
                </li>
              </Box>
            );
          })}
        </ol>
      </Flex>
    </nav>
  );
}
