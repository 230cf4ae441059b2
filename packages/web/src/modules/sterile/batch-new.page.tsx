import { useMemo, useState } from 'react';
import { App, Affix, Button, Card, Col, Form, Result, Row, Space, Typography } from 'antd';
import { SaveOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { newId } from '../../shared/api/api-client.ts';
import { useCommunitySelection } from '../../shared/community/community-context.tsx';
import { LoadingState, useErrorText } from '../../shared/components/query-state.component.tsx';
import { apiProblems, showProblems } from './api-problems.ts';
import { CycleFields } from './cycle-fields.component.tsx';
import { cycleFieldOf, defaultCycleValues, loadLines, previewRelease, toCreateBatchRequest, type CycleValues } from './cycle-record.ts';
import { PackLinesField } from './load-fields.component.tsx';
import { ReleasePreview } from './release-preview.component.tsx';
import { SterileHeader } from './sterile-nav.component.tsx';
import { useCreateBatch, usePackTypes, useSterileCentre } from './sterile.resource.ts';

/** Most packs of one type in a load (the contract's limit). */
const MAX_PER_TYPE = 500;

/**
 * 新建灭菌批次: the cycle record and the load; beside it the release the server will decide,
 * previewed with the domain's releaseDecision while typing. A value the record refuses is shown at
 * its field before anything is sent; the server's answer opens the batch.
 */
function BatchForm() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const { communityId } = useCommunitySelection();
  const types = usePackTypes(communityId);
  const create = useCreateBatch();
  const [form] = Form.useForm<CycleValues>();
  const [initial] = useState(() => defaultCycleValues(new Date()));
  // The client id: a retried submission (a lost answer) returns the batch it made.
  const [id] = useState(newId);
  const values = Form.useWatch([], form) as CycleValues | undefined;
  const preview = useMemo(() => previewRelease(values ?? initial), [values, initial]);
  const total = loadLines(values?.packs).reduce((s, l) => s + l.quantity, 0);

  async function onFinish(v: CycleValues) {
    const p = previewRelease(v);
    if (p.kind === 'invalid') {
      if (!p.field || !showProblems(form, [p], (f) => f)) void message.error(p.message);
      return;
    }
    if (loadLines(v.packs).length === 0) {
      form.setFields([{ name: ['packs', 0, 'packType'], errors: [t('sterile.packTypeRequired')] }]);
      return;
    }
    try {
      const b = await create.mutateAsync(toCreateBatchRequest(v, id));
      if (b.status === 'released') void message.success(t('sterile.createdReleased', { count: b.packCount }));
      else if (b.status === 'recalled') void message.error(t('sterile.createdRecalled'));
      else void message.warning(t('sterile.createdHeld'));
      void navigate(`/sterile/batches/${b.id}`, { replace: true });
    } catch (e) {
      if (!showProblems(form, apiProblems(e), cycleFieldOf)) void message.error(errorText(e));
    }
  }

  return (
    <Form<CycleValues> form={form} layout="vertical" requiredMark="optional" initialValues={initial} onFinish={(v) => void onFinish(v)} data-testid="batch-form">
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <Card size="small" title={t('sterile.cycleRecord')}>
              <CycleFields />
            </Card>
            <Card size="small" title={t('sterile.load')} extra={<Typography.Text type="secondary">{t('sterile.loadTotal', { count: total })}</Typography.Text>}>
              <PackLinesField name="packs" types={types.data} loading={types.isPending} maxQuantity={MAX_PER_TYPE} />
            </Card>
          </Space>
        </Col>
        <Col xs={24} xl={8}>
          <Affix offsetTop={16}>
            <Card size="small" title={t('sterile.releasePreview')}>
              <Space orientation="vertical" style={{ width: '100%' }}>
                <ReleasePreview preview={preview} />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('sterile.previewHint')}
                </Typography.Text>
                <Space>
                  <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={create.isPending} data-testid="batch-submit">
                    {t('sterile.createBatch')}
                  </Button>
                  <Link to="/sterile/batches">
                    <Button>{t('action.cancel')}</Button>
                  </Link>
                </Space>
              </Space>
            </Card>
          </Affix>
        </Col>
      </Row>
    </Form>
  );
}

/** The form for the centre's staff; anyone else is told who records batches. */
export default function BatchNewPage() {
  const { t } = useTranslation();
  const { communityId } = useCommunitySelection();
  const centres = useSterileCentre(communityId);
  const centre = centres.data ?? undefined;
  return (
    <>
      <SterileHeader title={t('sterile.newBatch')} />
      {centres.isPending ? (
        <LoadingState />
      ) : centre?.canProcess === true ? (
        <BatchForm />
      ) : (
        <Result status="403" title={t('sterile.centreOnly', { name: centre?.organizationName ?? t('sterile.title') })} data-testid="batch-new-forbidden" />
      )}
    </>
  );
}
