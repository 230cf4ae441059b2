import { useState } from 'react';
import { App, Button, Flex, Pagination, Segmented, Select, Space, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { INDICATOR_PARTS, type IndicatorPart } from '@yigong/domain';
import { DataTable } from '../../shared/components/data-table.component.tsx';
import { EmptyState } from '../../shared/components/query-state.component.tsx';
import { exportToExcel } from '../../shared/components/excel-export.ts';
import { useEncounterColumns } from './encounter-columns.component.tsx';
import { fetchAllEncounters, useEncounterList, type EncounterListScope } from './encounter-list.resource.ts';
import { indicatorName } from './indicator-card.component.tsx';
import { formatPart } from './indicator-format.ts';
import { DEFINITIONS, definitionOf } from './indicators.resource.ts';

const PAGE_SIZES = [20, 50, 100];

/**
 * The drill-down in the address (`?indicator=cmi&part=numerator`, or `?part=…` alone for every
 * encounter), so a list can be shared and reloaded. `active` while either is present.
 */
export function useDrillParams(): {
  indicator: string | null;
  part: IndicatorPart;
  active: boolean;
  setDrill: (indicator: string | null, part?: IndicatorPart) => void;
  clearDrill: () => void;
} {
  const [params, setParams] = useSearchParams();
  const indicator = params.get('indicator');
  const part = params.get('part') === 'numerator' ? 'numerator' : 'denominator';
  const update = (edit: (p: URLSearchParams) => void) =>
    setParams((prev) => {
      const p = new URLSearchParams(prev);
      edit(p);
      return p;
    }, { replace: true });
  return {
    indicator: indicator && definitionOf(indicator) ? indicator : null,
    part,
    active: params.has('part'),
    setDrill: (next, nextPart = 'denominator') =>
      update((p) => {
        if (next) p.set('indicator', next);
        else p.delete('indicator');
        p.set('part', nextPart);
      }),
    clearDrill: () =>
      update((p) => {
        p.delete('indicator');
        p.delete('part');
      }),
  };
}

/**
 * 就诊明细: the encounters behind an indicator's numerator or denominator (or all encounters of the
 * scope) as GET /encounters lists them — server-side pages, the four states, an Excel export of
 * the whole list (up to EXPORT_LIMIT rows).
 */
export function EncounterTable({ communityId, organizationId, period, scopeName }: { communityId: string | null; organizationId: string | null; period: string; scopeName: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { indicator, part, setDrill } = useDrillParams();
  const scope: EncounterListScope = { communityId, organizationId, period, indicator, part };
  // The page belongs to one list: another indicator, part or period starts again at page 1.
  const listKey = [organizationId, period, indicator, part].join('|');
  const [paging, setPaging] = useState({ listKey, page: 1, limit: PAGE_SIZES[0]! });
  const page = paging.listKey === listKey ? paging.page : 1;
  const list = useEncounterList(scope, page, paging.limit);
  const columns = useEncounterColumns();
  const [exporting, setExporting] = useState(false);
  const def = indicator ? definitionOf(indicator) : undefined;
  const defs = DEFINITIONS.filter((d) => !(organizationId && d.communityOnly));
  const partLabel = t(`encounterList.${part}`);
  const data = list.data;

  async function onExport() {
    setExporting(true);
    try {
      const all = await fetchAllEncounters(scope);
      const name = [scopeName, def ? `${indicatorName(def)}${partLabel}` : t('encounterList.all'), period].join('-');
      await exportToExcel(`${name}-${dayjs().format('YYYYMMDD-HHmm')}`, name, columns.map((c) => ({ header: c.title, value: c.exportValue ?? (() => null) })), all.rows);
      if (all.truncated) void message.warning(t('encounterList.exportTruncated', { n: all.rows.length, total: all.total }));
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setExporting(false);
    }
  }

  const toolbar = (
    <Space wrap>
      <Select
        data-testid="drill-indicator"
        aria-label={t('encounterList.indicator')}
        style={{ width: 240 }}
        value={indicator ?? ''}
        onChange={(v: string) => setDrill(v || null, part)}
        options={[{ value: '', label: t('encounterList.all') }, ...defs.map((d) => ({ value: d.code, label: indicatorName(d) }))]}
      />
      <Segmented<IndicatorPart>
        data-testid="drill-part"
        aria-label={t('encounterList.part')}
        disabled={!indicator}
        value={part}
        options={INDICATOR_PARTS.map((p) => ({ value: p, label: t(`encounterList.${p}`) }))}
        onChange={(p) => setDrill(indicator, p)}
      />
      {data && (
        <Typography.Text type="secondary" data-testid="encounter-total" data-total={data.total} data-indicator={data.indicator?.code ?? ''} data-part={data.indicator?.part ?? ''}>
          {t('encounterList.total', { total: data.total.toLocaleString('zh-CN') })}
          {def && data.indicator?.weighted && ` · ${t('encounterList.sum', { part: partLabel, sum: formatPart(def, part, data.sum, t) })}`}
        </Typography.Text>
      )}
    </Space>
  );

  return (
    <div data-testid="encounter-list">
      <DataTable
        data-testid="encounter-table"
        columns={columns}
        rows={data?.items}
        loading={list.isFetching}
        error={list.error}
        onRetry={() => void list.refetch()}
        rowKey={(r) => `${r.source}/${r.id}`}
        emptyText={<EmptyState description={t('dashboard.noData')} />}
        toolbar={
          <Flex justify="space-between" align="center" gap={8} wrap>
            {toolbar}
            <Button icon={<DownloadOutlined />} onClick={() => void onExport()} loading={exporting} disabled={!data || data.total === 0}>
              {t('action.exportExcel')}
            </Button>
          </Flex>
        }
      />
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginTop: 12 }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {def?.communityOnly ? `${t('encounterList.residentHint')} · ` : ''}
          {data?.indicator?.weighted ? `${t('encounterList.weightedHint')} · ` : ''}
          {t('encounterList.audited')}
        </Typography.Text>
        {data && data.total > 0 && (
          <Pagination
            data-testid="encounter-pagination"
            size="small"
            current={page}
            pageSize={paging.limit}
            total={data.total}
            pageSizeOptions={PAGE_SIZES}
            showSizeChanger
            onChange={(p, size) => setPaging({ listKey, page: size === paging.limit ? p : 1, limit: size })}
          />
        )}
      </Flex>
    </div>
  );
}
