/** The money column is shared with the other modules' tables (shared/components/money-column.ts). */
export { moneyColumn } from '../../shared/components/money-column.ts';
