import { useState } from 'react';
import { Card, Select, Space, Typography } from 'antd';
import { ThunderboltOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { FollowUpResponse, WorklistRow } from '@yigong/contracts';
import { useUser } from '../../shared/auth/auth-context.tsx';
import { DiseaseTag } from './chronic-tags.component.tsx';
import { FollowUpForm } from './follow-up-form.component.tsx';
import { FollowUpResult } from './follow-up-result.component.tsx';

interface Props {
  /** Patients to choose from: overdue first, then due. */
  candidates: readonly WorklistRow[];
  selected: WorklistRow | null;
  onSelect: (row: WorklistRow | null) => void;
}

/**
 * 快速随访: pick a patient from the work lists and record the visit in a one-column form that
 * fits a phone; the server's classification, next step and due date (and any referral proposal)
 * replace the form after submission.
 */
export function QuickFollowUp({ candidates, selected, onSelect }: Props) {
  const { t } = useTranslation();
  const user = useUser();
  const [result, setResult] = useState<FollowUpResponse | null>(null);
  // A patient followed up leaves the lists; keep showing them with their result.
  const options = selected && !candidates.some((c) => c.id === selected.id) ? [selected, ...candidates] : candidates;

  function choose(row: WorklistRow | null) {
    setResult(null);
    onSelect(row);
  }

  return (
    <Card
      title={
        <Space>
          <ThunderboltOutlined />
          {t('workbench.quick')}
        </Space>
      }
      size="small"
      data-testid="quick-follow-up"
      id="quick-follow-up"
    >
      <Select
        showSearch={{ optionFilterProp: 'label' }}
        allowClear
        style={{ width: '100%', marginBottom: 16 }}
        size="large"
        placeholder={t('workbench.choosePatient')}
        value={selected?.id}
        onChange={(id?: string) => choose(options.find((c) => c.id === id) ?? null)}
        options={options.map((c) => ({
          value: c.id,
          label: `${c.resident_name} · ${t(`chronic.diseases.${c.disease}`)}${c.days_overdue ? ` · ${t('chronic.overdueDays', { days: c.days_overdue })}` : ''}`,
        }))}
        data-testid="quick-patient"
      />
      {!selected && <Typography.Paragraph type="secondary">{t('workbench.quickHint')}</Typography.Paragraph>}
      {selected && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Space wrap>
            <Typography.Text strong style={{ fontSize: 16 }}>
              {selected.resident_name}
            </Typography.Text>
            <DiseaseTag disease={selected.disease} />
          </Space>
          {result ? (
            <FollowUpResult
              result={result}
              subject={{ residentId: selected.resident_id, residentName: selected.resident_name, communityId: user.scope.communityId ?? '', organizationId: selected.organization_id }}
              onNext={() => choose(null)}
            />
          ) : (
            <FollowUpForm
              key={selected.id}
              subject={{
                enrollmentId: selected.id,
                residentName: selected.resident_name,
                disease: selected.disease,
                birthDate: selected.birth_date,
                enrolledOn: selected.enrolled_on,
                lastClassification: selected.last_classification,
              }}
              onDone={setResult}
            />
          )}
        </Space>
      )}
    </Card>
  );
}
