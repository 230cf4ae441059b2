import { useEffect, useMemo, useState } from 'react';
import { App, Card, Col, Form, Row, Space, Typography, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import type { InsurancePolicy } from '@yigong/domain';
import { isApiError } from '../../shared/api/api-client.ts';
import { useAuth } from '../../shared/auth/auth-context.tsx';
import { useCommunitySelection } from '../../shared/community/community-context.tsx';
import { EmptyState, ErrorState, LoadingState, useErrorText } from '../../shared/components/query-state.component.tsx';
import { InsuranceHeader, useInsuranceYear } from './insurance-header.component.tsx';
import { yuanOf } from './insurance-format.ts';
import { useAppraisal, useFetchScenario, usePolicy, useWhatIf } from './insurance.resource.ts';
import { policyOf } from './policy-values.ts';
import { changesOf, scenarioFieldOf, scenarioValuesOf, type ScenarioValues } from './scenario-changes.ts';
import { ScenarioComparison } from './scenario-comparison.component.tsx';
import { ScenarioForm, type MemberOption } from './scenario-form.component.tsx';
import { SavedScenarios, SaveScenario } from './scenario-saved.component.tsx';

/** `value`, once it has stayed the same for `ms` (the what-if is asked after the typing stops). */
function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** The editor of one community-year: its form, the live comparison, saving and reopening. */
function ScenarioEditor({ communityId, year, actual }: { communityId: string; year: number; actual: InsurancePolicy }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<ScenarioValues>();
  const initial = useMemo(() => scenarioValuesOf(actual), [actual]);
  const [values, setValues] = useState<ScenarioValues>(initial);
  const [name, setName] = useState('');
  const [openedId, setOpenedId] = useState<string | null>(null);
  const [opening, setOpening] = useState<string | null>(null);
  const fetchScenario = useFetchScenario();
  const changes = useMemo(() => changesOf(actual, values), [actual, values]);
  const settled = useDebounced(changes, 400);
  const typing = JSON.stringify(settled) !== JSON.stringify(changes);
  const whatIf = useWhatIf(communityId, year, settled);
  // The year as it stands (no changes: the page's first answer, cached) names the members and the actual outlay.
  const baseline = useWhatIf(communityId, year, {}).data;
  const appraisal = useAppraisal(communityId, year);

  // A refused scenario (400) also marks the field it names; the next change clears the mark.
  useEffect(() => {
    const e = whatIf.error;
    if (!isApiError(e, 'VALIDATION_FAILED')) return;
    const field = e.detail<string>('field');
    const name = field ? scenarioFieldOf(field, form.getFieldsValue(true) as ScenarioValues) : null;
    // The untyped instance takes a path built at run time (`['retention', 1, 'ratio']`).
    if (name) (form as FormInstance).setFields([{ name, errors: [e.message] }]);
  }, [whatIf.error, form]);

  const members: MemberOption[] = useMemo(() => {
    const scores = new Map(appraisal.data?.members.map((m) => [m.organizationId, m.score]));
    return (baseline?.members ?? []).filter((m) => m.level !== null).map((m) => ({ organizationId: m.organizationId, organizationName: m.organizationName, score: scores.get(m.organizationId) ?? null }));
  }, [baseline?.members, appraisal.data]);

  function load(next: ScenarioValues, nextName: string, id: string | null) {
    form.resetFields();
    form.setFieldsValue(next);
    setValues(next);
    setName(nextName);
    setOpenedId(id);
  }

  async function open(id: string) {
    setOpening(id);
    try {
      const s = await fetchScenario(id);
      load(scenarioValuesOf(actual, s.changes), s.name, s.id);
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setOpening(null);
    }
  }

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={9}>
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <ScenarioForm
            form={form}
            initial={initial}
            onChange={setValues}
            onReset={() => load(initial, '', null)}
            members={members}
            actualScore={appraisal.data?.community.score ?? null}
            actualOutlayYuan={baseline ? yuanOf(baseline.actual.outlay) : null}
          />
          {can('insurance.write') && (
            <Card size="small" title={t('scenario.saveTitle')}>
              <SaveScenario communityId={communityId} year={year} changes={changes} name={name} onName={setName} onSaved={setOpenedId} />
            </Card>
          )}
          <SavedScenarios communityId={communityId} year={year} openedId={openedId} onOpen={(id) => void open(id)} opening={opening} />
        </Space>
      </Col>
      <Col xs={24} xl={15}>
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <ScenarioComparison data={whatIf.isError ? undefined : whatIf.data} busy={typing || whatIf.isFetching} error={whatIf.isError ? whatIf.error : null} exportName={t('scenario.export', { year, name: name.trim() || t('scenario.unsaved') })} />
        </Space>
      </Col>
    </Row>
  );
}

/**
 * 情景模拟 (docs/domain/insurance.md "What-if"): change any settlement parameter of a year and see
 * the settlement and every member's share against the actual year, live; save a scenario by name
 * and reopen it later.
 */
export default function ScenariosPage() {
  const { t } = useTranslation();
  const { communityId } = useCommunitySelection();
  const [year, setYear] = useInsuranceYear();
  const policy = usePolicy(communityId, year);
  const actual = useMemo(() => (policy.data ? policyOf(policy.data) : null), [policy.data]);
  let body;
  if (!communityId) body = <EmptyState description={t('insuranceUi.chooseCommunity')} />;
  else if (policy.isPending) body = <LoadingState />;
  else if (policy.isError) body = <ErrorState error={policy.error} onRetry={() => void policy.refetch()} />;
  else if (!actual) body = <EmptyState description={t('budget.noPolicy', { year })} />;
  else body = <ScenarioEditor key={`${communityId}-${year}-${policy.data?.version}`} communityId={communityId} year={year} actual={actual} />;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="scenarios-page">
      <InsuranceHeader title={t('scenario.title')} year={year} onYear={setYear} />
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>{t('scenario.intro')}</Typography.Paragraph>
      {body}
    </Space>
  );
}
