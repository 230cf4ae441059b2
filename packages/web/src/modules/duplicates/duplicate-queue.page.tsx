import { useState } from 'react';
import { App, Button, Card, Col, Descriptions, Modal, Popconfirm, Radio, Row, Segmented, Space, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { CandidateView, ResidentListItem } from '@yigong/contracts';
import { useAuth } from '../../shared/auth/auth-context.tsx';
import { KeyPopulationTags, StatusTag } from '../../shared/components/tags.component.tsx';
import { QueryState, useErrorText } from '../../shared/components/query-state.component.tsx';
import { formatDateTime, orDash } from '../../shared/i18n/format.ts';
import { useCandidates, useResolveCandidate, type CandidateStatus } from './duplicate.resource.ts';

function ResidentSide({ r, title }: { r: ResidentListItem; title: string }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={title} extra={<Link to={`/residents/${r.id}`}>{t('action.view')}</Link>}>
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'name', label: t('field.personName'), children: r.name },
          { key: 'sex', label: t('field.sex'), children: `${t(`sex.${r.sex}`)} · ${r.birthDate}` },
          { key: 'id', label: t('residents.idMasked'), children: <span style={{ fontFamily: 'monospace' }}>{r.idNumber ?? r.idNumberMasked}</span> },
          { key: 'phone', label: t('field.phone'), children: orDash(r.phone) },
          { key: 'unit', label: t('residents.unit'), children: r.organizationName },
          { key: 'kp', label: t('residents.keyPopulations'), children: <KeyPopulationTags tags={r.keyPopulations} /> },
        ]}
      />
    </Card>
  );
}

function CandidateCard({ c }: { c: CandidateView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const { can } = useAuth();
  const resolve = useResolveCandidate();
  const [linking, setLinking] = useState(false);
  const [survivorId, setSurvivorId] = useState(c.a.id);
  const open = c.status === 'open' && can('resident.candidates');

  async function submit(resolution: 'linked' | 'kept_apart') {
    try {
      await resolve.mutateAsync({ residentA: c.a.id, residentB: c.b.id, resolution, survivorId: resolution === 'linked' ? survivorId : undefined });
      setLinking(false);
      void message.success(resolution === 'linked' ? t('duplicates.linked') : t('duplicates.keptApart'));
    } catch (e) {
      void message.error(errorText(e));
    }
  }

  return (
    <Card
      data-testid="duplicate-pair"
      title={
        <Space>
          <StatusTag ns="candidateStatus" status={c.status} />
          <Typography.Text type="secondary">
            {t('duplicates.foundAt')} {formatDateTime(c.createdAt)}
          </Typography.Text>
        </Space>
      }
      extra={
        open && (
          <Space>
            <Button type="primary" onClick={() => setLinking(true)}>
              {t('duplicates.link')}
            </Button>
            <Popconfirm title={t('duplicates.confirmKeepApart')} onConfirm={() => void submit('kept_apart')}>
              <Button loading={resolve.isPending && !linking}>{t('duplicates.keepApart')}</Button>
            </Popconfirm>
          </Space>
        )
      }
    >
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <ResidentSide r={c.a} title={t('duplicates.recordA')} />
        </Col>
        <Col xs={24} md={12}>
          <ResidentSide r={c.b} title={t('duplicates.recordB')} />
        </Col>
      </Row>
      <Modal open={linking} title={t('duplicates.chooseSurvivor')} onCancel={() => setLinking(false)} onOk={() => void submit('linked')} confirmLoading={resolve.isPending} destroyOnHidden>
        <Radio.Group value={survivorId} onChange={(e) => setSurvivorId(e.target.value as string)}>
          <Space orientation="vertical">
            {[c.a, c.b].map((r, i) => (
              <Radio key={r.id} value={r.id}>
                {i === 0 ? t('duplicates.recordA') : t('duplicates.recordB')}：{r.name} {r.idNumber ?? r.idNumberMasked}（{r.organizationName}）
              </Radio>
            ))}
          </Space>
        </Radio.Group>
      </Modal>
    </Card>
  );
}

/** 疑似重复档案: pairs side by side; link (choose the survivor) or keep apart. */
export default function DuplicateQueuePage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<CandidateStatus>('open');
  const query = useCandidates(status);
  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('duplicates.title')}
        </Typography.Title>
        <Segmented<CandidateStatus>
          value={status}
          onChange={setStatus}
          options={(['open', 'linked', 'kept_apart'] as const).map((s) => ({ value: s, label: t(`candidateStatus.${s}`) }))}
        />
      </Space>
      <Typography.Paragraph type="secondary">{t('duplicates.hint')}</Typography.Paragraph>
      <QueryState query={query}>
        {(items) => (
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            {items.map((c) => (
              <CandidateCard key={`${c.a.id}:${c.b.id}`} c={c} />
            ))}
          </Space>
        )}
      </QueryState>
    </>
  );
}
