import { useState, type ReactNode } from 'react';
import { Alert, App, AutoComplete, Button, Col, Descriptions, Drawer, Form, Input, Progress, Radio, Result, Row, Select, Space, Typography, Upload, type UploadFile } from 'antd';
import { InboxOutlined, SendOutlined, VideoCameraAddOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ConsultationDetailView } from '@yigong/contracts';
import { CONSULTATION_QUESTION_LENGTH, CONSULTATION_URGENCIES, MAX_CONSULTATION_ATTACHMENTS, type ConsultationMediaType, type ConsultationUrgency } from '@yigong/domain';
import { isApiError, newId } from '../../shared/api/api-client.ts';
import { useUser } from '../../shared/auth/auth-context.tsx';
import { useCommunitySelection } from '../../shared/community/community-context.tsx';
import { ErrorState, LoadingState, useErrorText } from '../../shared/components/query-state.component.tsx';
import { useOrganizations } from '../org/org.resource.ts';
import { targetsFor } from '../referral/referral-form.component.tsx';
import { useTargetOrganization } from '../referral/referral.resource.ts';
import { attachmentsProblem, bytesToBase64, charCount, consultationFieldErrors, hasDicomPreamble, mediaTypeOf, type AttachmentProblem } from './consultation-request.ts';
import { ConsultationStatusTag, UrgencyTag } from './consultation-tags.component.tsx';
import { useRequestConsultation } from './consultation.resource.ts';
import { ResidentSelect, type KnownResident } from './resident-select.component.tsx';

interface Values {
  residentId?: string;
  consultantOrganizationId?: string;
  consultantDepartment?: string;
  urgency: ConsultationUrgency;
  question?: string;
  attachments?: UploadFile[];
}

const ACCEPT = '.pdf,.png,.jpg,.jpeg,.dcm,application/pdf,image/png,image/jpeg,application/dicom';

/** The chosen files with their media type (the browser's, the extension's, or DICOM by its preamble). */
async function typedFiles(list: readonly UploadFile[] | undefined): Promise<{ file: File; mediaType: ConsultationMediaType | null }[]> {
  const files = (list ?? []).map((f) => f.originFileObj).filter((f): f is NonNullable<typeof f> => !!f);
  return Promise.all(
    files.map(async (file) => ({
      file,
      mediaType: mediaTypeOf(file.name, file.type) ?? (hasDicomPreamble(new Uint8Array(await file.slice(0, 132).arrayBuffer())) ? 'application/dicom' : null),
    })),
  );
}

function Submitted({ c, onClose, onAnother }: { c: ConsultationDetailView; onClose: () => void; onAnother: () => void }) {
  const { t } = useTranslation();
  return (
    <Result
      status="success"
      title={t('consultation.submitted')}
      subTitle={t('consultation.submittedHint')}
      data-testid="consultation-created"
      extra={
        <Space>
          <Link to={`/consultations/${c.id}`} onClick={onClose}>
            <Button type="primary" data-testid="open-consultation">
              {t('consultation.open')}
            </Button>
          </Link>
          <Button onClick={onAnother}>{t('consultation.another')}</Button>
        </Space>
      }
    >
      <Descriptions
        size="small"
        bordered
        column={1}
        items={[
          { key: 'resident', label: t('consultation.resident'), children: c.residentName },
          { key: 'to', label: t('consultation.consultingUnit'), children: `${c.consultantOrganizationName}${c.consultantDepartment ? ` · ${c.consultantDepartment}` : ''}` },
          { key: 'status', label: t('consultation.status'), children: <><ConsultationStatusTag status={c.status} /><UrgencyTag urgency={c.urgency} /></> },
          { key: 'files', label: t('consultation.attachments'), children: c.attachments.length },
        ]}
      />
    </Result>
  );
}

interface DrawerProps {
  open: boolean;
  onClose: () => void;
  /** The resident the form starts with (the order it was opened from). */
  resident?: KnownResident | null;
  /** The order whose study the consultation is about. */
  orderId?: string;
}

/**
 * 申请会诊: resident, the consulting hospital of the community and its department, urgency, the
 * question (10–2000 characters) and up to ten files (PDF, PNG, JPEG, DICOM ≤ 20 MB), sent as
 * base64 in one JSON body with the upload's progress. The client id makes a retry return the
 * consultation it made; a 400 lands on the field it names.
 */
export function NewConsultationDrawer({ open, onClose, resident, orderId }: DrawerProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const user = useUser();
  const { communityId } = useCommunitySelection();
  const [form] = Form.useForm<Values>();
  const orgs = useOrganizations(communityId);
  const create = useRequestConsultation();
  const [requestId, setRequestId] = useState(newId);
  const [progress, setProgress] = useState<number | null>(null);
  const [done, setDone] = useState<ConsultationDetailView | null>(null);
  const consultantId = Form.useWatch('consultantOrganizationId', form);
  const consultant = useTargetOrganization(consultantId);
  // The hospitals of the community (the server's rule), the lead hospital first, not the caller's own.
  const hospitals = targetsFor('up', orgs.data ?? [], user.organizationId);

  const problemText = (p: AttachmentProblem, name?: string) => {
    const text = p.kind === 'count' ? t('consultation.tooManyFiles', { max: p.max }) : t(`consultation.fileProblems.${p.kind}`);
    return name ? `${name}：${text}` : text;
  };

  function reset() {
    setDone(null);
    setProgress(null);
    setRequestId(newId());
    form.resetFields();
  }

  function close() {
    if (create.isPending) return;
    reset();
    onClose();
  }

  async function submit(v: Values) {
    const typed = await typedFiles(v.attachments);
    try {
      setProgress(0);
      const attachments = await Promise.all(typed.map(async ({ file, mediaType }) => ({ name: file.name, mediaType: mediaType!, data: bytesToBase64(new Uint8Array(await file.arrayBuffer())) })));
      const c = await create.mutateAsync({
        body: {
          id: requestId,
          residentId: v.residentId!,
          consultantOrganizationId: v.consultantOrganizationId!,
          consultantDepartment: v.consultantDepartment?.trim() || undefined,
          urgency: v.urgency,
          question: v.question!.trim(),
          orderId,
          attachments,
          clientRecordedAt: new Date().toISOString(),
        },
        onProgress: (f) => setProgress(Math.round(f * 100)),
      });
      setRequestId(newId());
      setDone(c);
    } catch (e) {
      const fields = isApiError(e, 'VALIDATION_FAILED') ? consultationFieldErrors(e.fieldIssues(), typed.map((f) => f.file.name)) : [];
      if (fields.length > 0) form.setFields(fields);
      else void message.error(errorText(e));
    } finally {
      setProgress(null);
    }
  }

  let body: ReactNode;
  if (done) body = <Submitted c={done} onClose={close} onAnother={reset} />;
  else if (orgs.isPending) body = <LoadingState />;
  else if (orgs.isError) body = <ErrorState error={orgs.error} onRetry={() => void orgs.refetch()} />;
  else
    body = (
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark="optional"
        disabled={create.isPending}
        onFinish={(v) => void submit(v)}
        initialValues={{ residentId: resident?.id, urgency: 'routine', consultantOrganizationId: hospitals[0]?.id }}
        data-testid="consultation-form"
      >
        <Form.Item name="residentId" label={t('consultation.resident')} rules={[{ required: true, message: t('consultation.residentRequired') }]}>
          <ResidentSelect communityId={communityId} known={resident} data-testid="consultation-resident" />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={14}>
            <Form.Item name="consultantOrganizationId" label={t('consultation.consultingUnit')} rules={[{ required: true, message: t('consultation.consultingUnitRequired') }]}>
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                loading={orgs.isPending}
                placeholder={t('consultation.consultingUnitRequired')}
                options={hospitals.map((o) => ({ value: o.id, label: o.name }))}
                onChange={() => form.setFieldValue('consultantDepartment', undefined)}
                data-testid="consultation-consultant"
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={10}>
            <Form.Item name="consultantDepartment" label={t('consultation.department')} rules={[{ max: 40, message: t('consultation.departmentMax') }]}>
              <AutoComplete
                allowClear
                placeholder={t('consultation.departmentPlaceholder')}
                options={(consultant.data?.departments ?? []).map((d) => ({ value: d.name }))}
                showSearch={{ filterOption: (input, o) => String(o?.value ?? '').includes(input) }}
                data-testid="consultation-department"
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="urgency" label={t('consultation.urgency')} rules={[{ required: true }]}>
          <Radio.Group optionType="button" buttonStyle="solid" data-testid="consultation-urgency-choice">
            {CONSULTATION_URGENCIES.map((u) => (
              <Radio.Button key={u} value={u}>
                {t(`consultation.urgencies.${u}`)}
              </Radio.Button>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item
          name="question"
          label={t('consultation.question')}
          rules={[
            {
              required: true,
              validator: (_, v: string | undefined) => {
                const n = charCount(v);
                return n >= CONSULTATION_QUESTION_LENGTH.min && n <= CONSULTATION_QUESTION_LENGTH.max ? Promise.resolve() : Promise.reject(new Error(t('consultation.questionLength', CONSULTATION_QUESTION_LENGTH)));
              },
            },
          ]}
        >
          <Input.TextArea
            autoSize={{ minRows: 4, maxRows: 12 }}
            count={{ show: true, max: CONSULTATION_QUESTION_LENGTH.max, strategy: charCount }}
            placeholder={t('consultation.questionPlaceholder')}
            data-testid="consultation-question"
          />
        </Form.Item>
        <Form.Item
          name="attachments"
          label={t('consultation.attachments')}
          valuePropName="fileList"
          getValueFromEvent={(e: { fileList: UploadFile[] }) => e.fileList}
          extra={t('consultation.attachmentsHint', { max: MAX_CONSULTATION_ATTACHMENTS })}
          rules={[
            {
              validator: async (_, list: UploadFile[] | undefined) => {
                const typed = await typedFiles(list);
                const found = attachmentsProblem(typed.map((f) => ({ size: f.file.size, mediaType: f.mediaType })));
                if (found) throw new Error(problemText(found.problem, found.index === null ? undefined : typed[found.index]?.file.name));
              },
            },
          ]}
        >
          <Upload.Dragger multiple accept={ACCEPT} beforeUpload={() => false} data-testid="consultation-files">
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t('consultation.chooseFiles')}</p>
          </Upload.Dragger>
        </Form.Item>
        {orderId && <Alert type="info" showIcon title={t('consultation.fromOrder')} style={{ marginBottom: 16 }} />}
        {progress !== null && (
          <div data-testid="consultation-progress">
            <Typography.Text>{t('diagnostics.uploading')}</Typography.Text>
            <Progress percent={progress} status="active" />
          </div>
        )}
      </Form>
    );

  return (
    <Drawer
      open={open}
      onClose={close}
      size={720}
      destroyOnHidden
      title={resident ? t('consultation.newFor', { name: resident.name }) : t('consultation.newTitle')}
      extra={
        !done &&
        !orgs.isPending && (
          <Space>
            <Button onClick={close} disabled={create.isPending}>
              {t('action.cancel')}
            </Button>
            <Button type="primary" icon={<SendOutlined />} loading={create.isPending} onClick={() => form.submit()} data-testid="consultation-submit">
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

/** The 申请会诊 button with its drawer. */
export function NewConsultationButton({ resident, orderId, type = 'primary', open: initiallyOpen = false }: { resident?: KnownResident | null; orderId?: string; type?: 'primary' | 'default'; open?: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(initiallyOpen);
  return (
    <>
      <Button type={type} icon={<VideoCameraAddOutlined />} onClick={() => setOpen(true)} data-testid="new-consultation">
        {t('consultation.new')}
      </Button>
      {open && <NewConsultationDrawer open={open} onClose={() => setOpen(false)} resident={resident} orderId={orderId} />}
    </>
  );
}
