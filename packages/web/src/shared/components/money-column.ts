import type { DataColumn } from './data-table.component.tsx';
import { formatYuan, yuanOf } from '../i18n/format.ts';

/** A money column of a DataTable: `¥1,234.56` on screen, yuan as a number in Excel (the API gives fen). */
export function moneyColumn<T>(title: string, key: string, fen: (r: T) => number, sortable = true): DataColumn<T> {
  return {
    title,
    key,
    align: 'right',
    sorter: sortable ? (a: T, b: T) => fen(a) - fen(b) : undefined,
    render: (_: unknown, r: T) => formatYuan(fen(r)),
    exportValue: (r: T) => yuanOf(fen(r)),
  };
}
