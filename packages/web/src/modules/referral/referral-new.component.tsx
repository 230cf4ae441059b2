import { useState } from 'react';
import { App, Button, Drawer, Form, Space } from 'antd';
import { SendOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CreateReferralRequest, ProblemView, ReferralView } from '@yigong/contracts';
import { GRASSROOTS_KINDS, type ReferralDirection, type OrganizationKind } from '@yigong/domain';
import { isApiError, newId } from '../../shared/api/api-client.ts';
import { applyFieldErrors } from '../../shared/api/form-errors.ts';
import { useUser } from '../../shared/auth/auth-context.tsx';
import { ErrorState, LoadingState, useErrorText } from '../../shared/components/query-state.component.tsx';
import { useOrganizations } from '../org/org.resource.ts';
import type { IcdValue } from './icd10-select.component.tsx';
import { ReferralFormFields, type ReferralFormValues } from './referral-form.component.tsx';
import { ReferralSubmitted } from './referral-submitted.component.tsx';
import { useCreateReferral } from './referral.resource.ts';

/** What the new referral starts from (a down-referral after a completed up-referral). */
export interface ReferralDefaults {
  direction?: ReferralDirection;
  toOrganizationId?: string;
  primary?: IcdValue;
  parentReferralId?: string;
}

export interface ReferralSubject {
  residentId: string;
  residentName: string;
  communityId: string;
  /** The resident's own unit: the default target of a down-referral. */
  organizationId: string;
  problems?: readonly ProblemView[];
}

const FIELDS = ['direction', 'toOrganizationId', 'toDepartment', 'externalHospital', 'priority', 'reason', 'history', 'treatment', 'slotId'];

function toRequest(v: ReferralFormValues, residentId: string, parentReferralId: string | undefined, id: string): CreateReferralRequest {
  const text = (s: string | undefined) => (s && s.trim() ? s.trim() : undefined);
  const primary = v.primary!.value;
  const others = (v.others ?? []).map((o) => o.value).filter((c, i, all) => c !== primary && all.indexOf(c) === i);
  return {
    id,
    residentId,
    direction: v.direction,
    toOrganizationId: v.toOrganizationId!,
    toDepartment: v.direction === 'out' ? undefined : v.toDepartment || undefined,
    externalHospital: v.direction === 'out' ? text(v.externalHospital) : undefined,
    priority: v.priority,
    reason: v.reason!.trim(),
    diagnoses: [{ code: primary, primary: true }, ...others.map((code) => ({ code, primary: false }))],
    history: text(v.history),
    treatment: text(v.treatment),
    slotId: v.direction === 'out' ? undefined : v.slotId || undefined,
    parentReferralId,
  };
}

interface DrawerProps {
  open: boolean;
  onClose: () => void;
  subject: ReferralSubject;
  defaults?: ReferralDefaults;
}

/** 发起转诊: the 转出单 in a drawer; after submission, the catalogue check and the pickup code. */
export function NewReferralDrawer({ open, onClose, subject, defaults }: DrawerProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const user = useUser();
  const qc = useQueryClient();
  const [form] = Form.useForm<ReferralFormValues>();
  const orgs = useOrganizations(subject.communityId);
  const create = useCreateReferral();
  const [requestId, setRequestId] = useState(newId);
  const [done, setDone] = useState<ReferralView | null>(null);
  const ownKind = orgs.data?.find((o) => o.id === user.organizationId)?.kind;
  const lead = orgs.data?.find((o) => o.kind === 'lead_hospital');
  // A grassroots doctor usually refers up; a hospital doctor refers down to the resident's own unit.
  const direction: ReferralDirection = defaults?.direction ?? (ownKind && !GRASSROOTS_KINDS.has(ownKind as OrganizationKind) ? 'down' : 'up');
  const initialTarget = defaults?.toOrganizationId ?? (direction === 'down' ? subject.organizationId : lead && lead.id !== user.organizationId ? lead.id : undefined);

  function close() {
    setDone(null);
    form.resetFields();
    onClose();
  }

  async function onFinish(v: ReferralFormValues) {
    try {
      const r = await create.mutateAsync(toRequest(v, subject.residentId, defaults?.parentReferralId, requestId));
      setRequestId(newId());
      setDone(r);
    } catch (e) {
      if (isApiError(e, 'SLOT_FULL')) {
        form.setFields([{ name: 'slotId', value: null, errors: [t('error.SLOT_FULL')] }]);
        void qc.invalidateQueries({ queryKey: ['slots'] });
        void message.error(t('error.SLOT_FULL'));
        return;
      }
      if (isApiError(e, 'VALIDATION_FAILED') && e.detail<string>('field') === 'diagnoses') {
        form.setFields([{ name: 'primary', errors: [e.message] }]);
        return;
      }
      if (!applyFieldErrors(form, e, FIELDS)) void message.error(errorText(e));
    }
  }

  let body: React.ReactNode;
  if (done) body = <ReferralSubmitted r={done} onClose={close} />;
  else if (orgs.isPending) body = <LoadingState />;
  else if (orgs.isError) body = <ErrorState error={orgs.error} onRetry={() => void orgs.refetch()} />;
  else
    body = (
      <Form<ReferralFormValues>
        form={form}
        layout="vertical"
        requiredMark="optional"
        onFinish={(v) => void onFinish(v)}
        initialValues={{ direction, priority: 'routine', toOrganizationId: initialTarget, primary: defaults?.primary, slotId: null }}
        data-testid="referral-form"
      >
        <ReferralFormFields
          form={form}
          communityId={subject.communityId}
          orgs={orgs.data}
          ownId={user.organizationId}
          ownKind={ownKind}
          residentOrganizationId={subject.organizationId}
          problems={subject.problems ?? []}
        />
      </Form>
    );

  return (
    <Drawer
      open={open}
      onClose={close}
      size={820}
      destroyOnHidden
      title={t('referral.newTitle', { name: subject.residentName })}
      extra={
        !done && (
          <Space>
            <Button onClick={close}>{t('action.cancel')}</Button>
            <Button type="primary" icon={<SendOutlined />} loading={create.isPending} onClick={() => form.submit()} data-testid="referral-submit">
              {t('action.submit')}
            </Button>
          </Space>
        )
      }
    >
      {body}
    </Drawer>
  );
}

/** The 发起转诊 button with its drawer. */
export function NewReferralButton({ subject, defaults, label, type = 'primary' }: { subject: ReferralSubject; defaults?: ReferralDefaults; label?: string; type?: 'primary' | 'default' }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button type={type} icon={<SendOutlined />} onClick={() => setOpen(true)} data-testid="new-referral">
        {label ?? t('referral.new')}
      </Button>
      {open && <NewReferralDrawer open={open} onClose={() => setOpen(false)} subject={subject} defaults={defaults} />}
    </>
  );
}
