import { useState, type ReactNode } from 'react';
import { App, Button, Flex, Table } from 'antd';
import type { ColumnType, TableProps } from 'antd/es/table';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { EmptyState, ErrorState } from './query-state.component.tsx';
import { exportToExcel } from './excel-export.ts';

/** An antd column plus how its cell reads in Excel (default: the raw `dataIndex` value). */
export type DataColumn<T> = ColumnType<T> & {
  title: string;
  exportValue?: (row: T) => string | number | null | undefined;
  /** Leave the column out of the export (action buttons). */
  noExport?: boolean;
};

interface DataTableProps<T> extends Omit<TableProps<T>, 'columns' | 'dataSource' | 'loading'> {
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
}

function cellValue<T>(row: T, col: DataColumn<T>): string | number | null | undefined {
  if (col.exportValue) return col.exportValue(row);
  const path = Array.isArray(col.dataIndex) ? col.dataIndex : col.dataIndex !== undefined ? [col.dataIndex] : [];
  let v: unknown = row;
  for (const k of path) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[String(k)] : undefined;
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
  ...rest
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
    <div>
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
        <Table<T>
          size="middle"
          rowKey={(r) => String((r as { id?: unknown }).id ?? JSON.stringify(r))}
          pagination={false}
          scroll={{ x: 'max-content' }}
          {...rest}
          columns={columns}
          dataSource={rows as T[] | undefined}
          loading={loading}
          locale={{ emptyText: loading ? ' ' : (emptyText ?? <EmptyState />) }}
        />
      )}
    </div>
  );
}
