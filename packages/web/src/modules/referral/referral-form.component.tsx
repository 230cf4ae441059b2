import { Col, Form, Input, Radio, Row, Select, Space, Tag, Typography, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrganizationView, ProblemView } from '@yigong/contracts';
import { GRASSROOTS_KINDS, REFERRAL_DIRECTIONS, REFERRAL_PRIORITIES, type ReferralDirection, type ReferralPriority } from '@yigong/domain';
import { SlotPicker } from '../scheduling/slot-picker.component.tsx';
import { CatalogueHint } from './catalogue-hint.component.tsx';
import { Icd10Select, toIcdValue, type IcdValue } from './icd10-select.component.tsx';
import { useTargetOrganization } from './referral.resource.ts';

export interface ReferralFormValues {
  direction: ReferralDirection;
  toOrganizationId?: string;
  externalHospital?: string;
  toDepartment?: string;
  priority: ReferralPriority;
  primary?: IcdValue | null;
  others?: IcdValue[];
  reason?: string;
  history?: string;
  treatment?: string;
  slotId?: string | null;
}

const HOSPITAL_KINDS = new Set(['lead_hospital', 'county_hospital', 'tcm_hospital', 'maternal_child_hospital', 'collaborating_hospital']);

/** Receiving units a direction allows (docs/domain/referral.md "Directions"); the lead hospital first. */
export function targetsFor(direction: ReferralDirection, orgs: readonly OrganizationView[], ownId: string | null): OrganizationView[] {
  const ok = (o: OrganizationView) =>
    o.active && o.id !== ownId && (direction === 'down' ? GRASSROOTS_KINDS.has(o.kind) : direction === 'out' ? o.kind === 'lead_hospital' : HOSPITAL_KINDS.has(o.kind));
  return orgs.filter(ok).sort((a, b) => Number(b.kind === 'lead_hospital') - Number(a.kind === 'lead_hospital') || a.name.localeCompare(b.name, 'zh-CN'));
}

interface Props {
  form: FormInstance<ReferralFormValues>;
  communityId: string;
  orgs: readonly OrganizationView[];
  ownId: string | null;
  ownKind: string | undefined;
  residentOrganizationId: string;
  problems: readonly ProblemView[];
}

/** The fields of the 转出单: direction, receiving unit and department, priority, diagnoses, history, slot. */
export function ReferralFormFields({ form, communityId, orgs, ownId, ownKind, residentOrganizationId, problems }: Props) {
  const { t, i18n } = useTranslation();
  const direction = Form.useWatch('direction', form) ?? 'up';
  const toOrganizationId = Form.useWatch('toOrganizationId', form);
  const toDepartment = Form.useWatch('toDepartment', form);
  const primary = Form.useWatch('primary', form);
  const target = useTargetOrganization(toOrganizationId);
  const departments = toOrganizationId ? (target.data?.departments ?? []) : [];
  const targets = targetsFor(direction, orgs, ownId);

  function onDirection(d: ReferralDirection) {
    const fallback = d === 'down' ? residentOrganizationId : targetsFor(d, orgs, ownId)[0]?.id;
    form.setFieldsValue({ toOrganizationId: targetsFor(d, orgs, ownId).some((o) => o.id === fallback) ? fallback : undefined, toDepartment: undefined, slotId: null });
  }

  const openProblems = problems.filter((p) => !p.resolvedDate);
  return (
    <>
      <Row gutter={16}>
        <Col span={14}>
          <Form.Item name="direction" label={t('referral.direction')} rules={[{ required: true }]}>
            <Radio.Group optionType="button" buttonStyle="solid" onChange={(e) => onDirection(e.target.value as ReferralDirection)} data-testid="referral-direction">
              {REFERRAL_DIRECTIONS.map((d) => (
                <Radio.Button key={d} value={d}>
                  {t(`referral.directions.${d}`)}
                </Radio.Button>
              ))}
            </Radio.Group>
          </Form.Item>
        </Col>
        <Col span={10}>
          <Form.Item name="priority" label={t('referral.priority')} rules={[{ required: true }]}>
            <Radio.Group optionType="button" data-testid="referral-priority">
              {REFERRAL_PRIORITIES.map((p) => (
                <Radio.Button key={p} value={p}>
                  {t(`referral.priorities.${p}`)}
                </Radio.Button>
              ))}
            </Radio.Group>
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={direction === 'out' ? 10 : 14}>
          <Form.Item name="toOrganizationId" label={t('referral.to')} rules={[{ required: true, message: t('referral.toRequired') }]}>
            <Select
              data-testid="referral-to"
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('referral.toRequired')}
              options={targets.map((o) => ({ value: o.id, label: o.name }))}
              onChange={() => form.setFieldsValue({ toDepartment: undefined, slotId: null })}
            />
          </Form.Item>
        </Col>
        {direction === 'out' ? (
          <Col span={14}>
            <Form.Item name="externalHospital" label={t('referral.externalHospital')} rules={[{ required: true, whitespace: true, message: t('referral.externalRequired') }]} extra={t('referral.externalHint')}>
              <Input maxLength={100} placeholder={t('referral.externalHospitalPlaceholder')} data-testid="referral-external" />
            </Form.Item>
          </Col>
        ) : (
          <Col span={10}>
            <Form.Item name="toDepartment" label={t('referral.toDepartment')}>
              <Select
                data-testid="referral-department"
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                placeholder={t('referral.anyDepartment')}
                loading={!!toOrganizationId && target.isPending}
                options={departments.map((d) => ({ value: d.code, label: d.name }))}
                onChange={() => form.setFieldValue('slotId', null)}
              />
            </Form.Item>
          </Col>
        )}
      </Row>
      <Form.Item
        name="primary"
        label={t('referral.primaryDiagnosis')}
        rules={[{ required: true, message: t('referral.primaryRequired') }]}
        extra={
          openProblems.length > 0 && (
            <Space size={4} wrap style={{ marginTop: 4 }}>
              <Typography.Text type="secondary">{t('referral.fromProblems')}</Typography.Text>
              {openProblems.map((p) => (
                <Tag key={p.id} style={{ cursor: 'pointer' }} onClick={() => form.setFieldValue('primary', toIcdValue(p.code, i18n.language === 'en' ? p.nameEn : p.nameZh))}>
                  {p.code} {i18n.language === 'en' ? p.nameEn : p.nameZh}
                </Tag>
              ))}
            </Space>
          )
        }
      >
        <Icd10Select data-testid="referral-primary" />
      </Form.Item>
      <CatalogueHint communityId={communityId} fromKind={ownKind} code={primary?.value} direction={direction} />
      <Form.Item name="others" label={t('referral.otherDiagnoses')}>
        <Icd10Select multiple data-testid="referral-others" />
      </Form.Item>
      <Form.Item name="reason" label={t('referral.reason')} rules={[{ required: true, min: 2, whitespace: true, message: t('referral.reasonRequired') }]}>
        <Input.TextArea rows={3} maxLength={500} showCount placeholder={t('referral.reasonPlaceholder')} data-testid="referral-reason" />
      </Form.Item>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="history" label={t('referral.pastHistory')}>
            <Input.TextArea rows={2} maxLength={2000} data-testid="referral-history" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="treatment" label={t('referral.treatment')}>
            <Input.TextArea rows={2} maxLength={2000} data-testid="referral-treatment" />
          </Form.Item>
        </Col>
      </Row>
      {direction !== 'out' && (
        <Form.Item name="slotId" label={t('referral.slot')} extra={t('referral.slotOptional')}>
          <SlotPicker organizationId={toOrganizationId} department={toDepartment} />
        </Form.Item>
      )}
    </>
  );
}
