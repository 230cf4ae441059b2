import { Alert, Button, Card, Form, Input, InputNumber, Result, Select } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCommunitySelection } from '../../shared/community/community-context.tsx';
import { useErrorText } from '../../shared/components/query-state.component.tsx';
import { applyFieldErrors } from '../../shared/api/form-errors.ts';
import { useRequestGrant } from './grant.resource.ts';

interface Props {
  residentId: string;
  /** From the 403 OUT_OF_SCOPE details; asked for when the server did not say. */
  communityId: string | null;
  /** False when the role cannot request grants at all: show "no access" only. */
  grantable: boolean;
  serverMessage: string;
}

interface Values {
  reason: string;
  hours: number;
  communityId: string;
}

/** Shown instead of a record outside the user's scope: 授权调阅 request (reason, 1–72 hours). */
export function GrantRequestPanel({ residentId, communityId, grantable, serverMessage }: Props) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { communities } = useCommunitySelection();
  const [form] = Form.useForm<Values>();
  const request = useRequestGrant();

  if (!grantable) {
    return <Result status="403" title={t('grant.noAccess')} subTitle={serverMessage} data-testid="no-access" />;
  }
  if (request.data) {
    return (
      <Result
        status={request.data.status === 'active' ? 'success' : 'info'}
        title={request.data.status === 'active' ? t('grantStatus.active') : t('grant.submitted')}
        extra={<Link to="/access-grants">{t('nav.accessGrants')}</Link>}
        data-testid="grant-submitted"
      />
    );
  }

  async function onFinish(v: Values) {
    try {
      await request.mutateAsync({ residentId, communityId: communityId ?? v.communityId, reason: v.reason.trim(), hours: v.hours });
    } catch (e) {
      applyFieldErrors(form, e, ['reason', 'hours', 'communityId']);
    }
  }

  return (
    <Card style={{ maxWidth: 640, margin: '0 auto' }} data-testid="grant-request">
      <Result icon={<LockOutlined />} status="warning" title={t('grant.outOfScopeTitle')} subTitle={t('grant.outOfScopeText')} style={{ paddingBottom: 8 }} />
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void onFinish(v)} initialValues={{ hours: 24 }}>
        {!communityId && (
          <Form.Item name="communityId" label={t('grant.community')} rules={[{ required: true, message: t('grant.community') }]}>
            <Select options={communities.map((c) => ({ value: c.id, label: c.name }))} />
          </Form.Item>
        )}
        <Form.Item name="reason" label={t('grant.reason')} rules={[{ required: true, min: 4, whitespace: true, message: t('grant.reasonRequired') }]}>
          <Input.TextArea rows={3} maxLength={200} showCount />
        </Form.Item>
        <Form.Item name="hours" label={t('grant.hours')} rules={[{ required: true, type: 'integer', min: 1, max: 72 }]}>
          <InputNumber min={1} max={72} precision={0} style={{ width: 160 }} />
        </Form.Item>
        {request.isError && <Alert type="error" showIcon title={errorText(request.error)} style={{ marginBottom: 16 }} />}
        <Button type="primary" htmlType="submit" loading={request.isPending}>
          {t('grant.requestTitle')}
        </Button>
      </Form>
    </Card>
  );
}
