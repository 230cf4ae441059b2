import { useState, type ReactNode } from 'react';
import { App, Button, Flex, Table } from 'antd';
import type { ColumnType, ColumnsType, TableProps } from 'antd/es/table';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { EmptyState, ErrorState } from './query-state.component.tsx';
import { exportToExcel } from './excel-export.ts';

type AnyRow = Record<string, unknown>;

/** An antd column plus how its cell reads in Excel (default: the raw `dataIndex` value). */
// dataIndex is narrowed to a top-level key: antd's DeepNamePath over a generic row type makes
// the type checker run out of memory.
export type DataColumn<T> = Omit<ColumnType<T>, 'dataIndex' | 'title'> & {
  title: string;
  dataIndex?: keyof T & string;
  exportValue?: (row: T) => string | number | null | undefined;
  /** Leave the column out of the export (action buttons). */
  noExport?: boolean;
};

interface DataTableProps<T> {
  columns: DataColumn<T>[];
  rows: readonly T[] | undefined;
  loading?: boolean;
  error?: unknown;
  onRetry?: () => void;
  /** File name (without .xlsx) of the export; no export button when absent. */
  exportName?: string;
  /** Rows to export when they differ from the shown rows (e.g. all loaded pages). */
  exportRows?: readonly T[];
  toolbar?: ReactNode;
  emptyText?: ReactNode;
  /** Client-side pages of this size; all rows at once when absent. */
  pageSize?: number;
  rowKey?: TableProps<T>['rowKey'];
  expandable?: TableProps<T>['expandable'];
  /** Opens a row (its detail page) on a click anywhere in it. */
  onRowClick?: (row: T) => void;
  'data-testid'?: string;
}

function cellValue<T>(row: T, col: DataColumn<T>): string | number | null | undefined {
  if (col.exportValue) return col.exportValue(row);
  const v: unknown = col.dataIndex === undefined ? undefined : (row as Record<string, unknown>)[col.dataIndex];
  if (v === null || v === undefined) return null;
  return typeof v === 'number' || typeof v === 'string' ? v : JSON.stringify(v);
}

/**
 * The app's table: antd Table with the four states (loading, error, empty, data) and an
 * "导出 Excel" button that writes the visible columns.
 */
export function DataTable<T extends object>({
  columns,
  rows,
  loading,
  error,
  onRetry,
  exportName,
  exportRows,
  toolbar,
  emptyText,
  pageSize,
  rowKey,
  expandable,
  onRowClick,
  'data-testid': testId,
}: DataTableProps<T>) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [exporting, setExporting] = useState(false);

  async function onExport() {
    if (!exportName) return;
    setExporting(true);
    try {
      const cols = columns.filter((c) => !c.noExport).map((c) => ({ header: c.title, value: (r: T) => cellValue(r, c) }));
      await exportToExcel(`${exportName}-${dayjs().format('YYYYMMDD-HHmm')}`, exportName, cols, exportRows ?? rows ?? []);
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setExporting(false);
    }
  }

  const showToolbar = !!toolbar || !!exportName;
  return (
    <div data-testid={testId}>
      {showToolbar && (
        <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 12 }}>
          <div>{toolbar}</div>
          {exportName && (
            <Button icon={<DownloadOutlined />} onClick={() => void onExport()} loading={exporting} disabled={!rows || rows.length === 0}>
              {t('action.exportExcel')}
            </Button>
          )}
        </Flex>
      )}
      {error && !rows ? (
        <ErrorState error={error} onRetry={onRetry} />
      ) : (
        <Table<AnyRow>
          size="middle"
          rowKey={(rowKey as TableProps<AnyRow>['rowKey']) ?? ((r: AnyRow) => String(r.id ?? JSON.stringify(r)))}
          pagination={pageSize && (rows?.length ?? 0) > pageSize ? { pageSize, showSizeChanger: false, size: 'small' } : false}
          scroll={{ x: 'max-content' }}
          expandable={expandable as TableProps<AnyRow>['expandable']}
          onRow={onRowClick ? (r: AnyRow) => ({ onClick: () => onRowClick(r as T), style: { cursor: 'pointer' } }) : undefined}
          columns={columns as unknown as ColumnsType<AnyRow>}
          dataSource={rows as unknown as AnyRow[] | undefined}
          loading={loading}
          locale={{ emptyText: loading ? ' ' : (emptyText ?? <EmptyState />) }}
        />
      )}
    </div>
  );
}
