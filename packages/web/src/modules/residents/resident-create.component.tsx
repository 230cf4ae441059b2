import { useState } from 'react';
import { Alert, App, Button, Drawer, Form, Input, Select, Space } from 'antd';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { INSURANCE_SCHEMES, type CreateResidentRequest } from '@yigong/contracts';
import { parseIdNumber } from '@yigong/domain';
import { isApiError, newId } from '../../shared/api/api-client.ts';
import { applyFieldErrors } from '../../shared/api/form-errors.ts';
import { useErrorText } from '../../shared/components/query-state.component.tsx';
import { useGrids, useOrganizations } from '../org/org.resource.ts';
import { useCreateResident } from './resident.resource.ts';

type Values = Pick<CreateResidentRequest, 'idNumber' | 'name' | 'phone' | 'address' | 'organizationId' | 'gridId' | 'insuranceScheme'>;
const FIELDS = ['idNumber', 'name', 'phone', 'address', 'organizationId', 'gridId', 'insuranceScheme'];

interface Conflict {
  residentId: string | null;
  name: string | null;
  message: string;
}

/** 新建居民档案: the server's 400 lands on the fields; a 409 names the existing record. */
export function ResidentCreateDrawer({ open, onClose, communityId }: { open: boolean; onClose: () => void; communityId: string }) {
  const { t } = useTranslation();
  // destroyOnHidden: each opening mounts a fresh form (new client id, no stale conflict).
  return (
    <Drawer open={open} onClose={onClose} size={520} destroyOnHidden title={t('residents.create')}>
      <ResidentCreateForm onClose={onClose} communityId={communityId} />
    </Drawer>
  );
}

function ResidentCreateForm({ onClose, communityId }: { onClose: () => void; communityId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const orgs = useOrganizations(communityId);
  const grids = useGrids(communityId);
  const create = useCreateResident();
  const [conflict, setConflict] = useState<Conflict | null>(null);
  // One id per form opening: a retried submit is idempotent on the server.
  const [clientId] = useState(newId);

  async function onFinish(v: Values) {
    setConflict(null);
    try {
      const r = await create.mutateAsync({ ...v, id: clientId, communityId, clientRecordedAt: new Date().toISOString() });
      void message.success(t('residents.created'));
      onClose();
      void navigate(`/residents/${r.id}`);
    } catch (e) {
      if (isApiError(e, 'RESIDENT_EXISTS', 'RESIDENT_EXISTS_ELSEWHERE', 'CONFLICT') && e.status === 409) {
        setConflict({ residentId: e.detail<string>('residentId') ?? null, name: e.detail<string>('name') ?? null, message: e.message });
      } else if (!applyFieldErrors(form, e, FIELDS)) void message.error(errorText(e));
    }
  }

  return (
    <>
      {conflict && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="resident-conflict"
          title={conflict.name ? t('residents.exists', { name: conflict.name }) : conflict.message}
          description={
            conflict.residentId ? (
              <Link to={`/residents/${conflict.residentId}`} onClick={onClose}>
                {t('residents.openExisting')}
              </Link>
            ) : (
              conflict.message
            )
          }
        />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(v) => void onFinish(v)}
        onValuesChange={(changed: Partial<Values>) => 'idNumber' in changed && setConflict(null)}
        initialValues={{ insuranceScheme: 'urban_rural_resident' }}>
        <Form.Item
          name="idNumber"
          label={t('residents.idNumber')}
          rules={[
            { required: true, message: t('residents.idRequired') },
            {
              // Format, birth date and check digit locally; the region code is checked by the server.
              validator: (_, v?: string) => {
                if (!v) return Promise.resolve();
                const r = parseIdNumber(v, () => true, dayjs().format('YYYY-MM-DD'));
                return r.ok ? Promise.resolve() : Promise.reject(new Error(r.message));
              },
            },
          ]}
        >
          <Input maxLength={18} style={{ fontFamily: 'monospace' }} autoComplete="off" />
        </Form.Item>
        <Form.Item name="name" label={t('field.personName')} rules={[{ required: true, whitespace: true, message: t('residents.nameRequired') }]}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="phone" label={t('field.phone')}>
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item name="address" label={t('field.address')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="organizationId" label={t('residents.unit')} rules={[{ required: true, message: t('residents.unitRequired') }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={orgs.isPending}
            options={(orgs.data ?? []).map((o) => ({ value: o.id, label: `${o.name}（${t(`orgKind.${o.kind}`)}）` }))}
          />
        </Form.Item>
        <Form.Item name="gridId" label={t('residents.grid')}>
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} loading={grids.isPending} options={(grids.data ?? []).map((g) => ({ value: g.id, label: g.name }))} />
        </Form.Item>
        <Form.Item name="insuranceScheme" label={t('residents.insurance')}>
          <Select options={INSURANCE_SCHEMES.map((s) => ({ value: s, label: t(`insurance.${s}`) }))} />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="resident-create-submit">
            {t('action.save')}
          </Button>
          <Button onClick={onClose}>{t('action.cancel')}</Button>
        </Space>
      </Form>
    </>
  );
}
