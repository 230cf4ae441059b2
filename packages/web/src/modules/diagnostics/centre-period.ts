import { shanghaiToday } from '../../shared/i18n/format.ts';

/**
 * The period of 中心运行指标 and of its drill-down to the orders: business dates (Asia/Shanghai)
 * `from`–`to`, both included, at most 366 days (GET /diagnostics/indicators), in the address.
 */
export interface DatePeriod {
  from: string;
  to: string;
}

export const MAX_PERIOD_DAYS = 366;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A calendar date `days` after (or before) `date`. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Days from `from` to `to`, both counted. */
export function periodDays(p: DatePeriod): number {
  return Math.round((Date.parse(`${p.to}T00:00:00Z`) - Date.parse(`${p.from}T00:00:00Z`)) / 86_400_000) + 1;
}

function isDate(s: string | null): s is string {
  return !!s && DATE.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);
}

/** The last `days` days up to today in Shanghai (the default: 30). */
export function lastDays(days: number, now: Date = new Date()): DatePeriod {
  const to = shanghaiToday(now);
  return { from: addDays(to, -(days - 1)), to };
}

/** `?from=&to=` when they make a period the API takes, else null. */
export function readPeriod(params: URLSearchParams): DatePeriod | null {
  const from = params.get('from');
  const to = params.get('to');
  if (!isDate(from) || !isDate(to) || to < from) return null;
  const p = { from, to };
  return periodDays(p) <= MAX_PERIOD_DAYS ? p : null;
}

/** The drill-down from a member unit to its orders (`/diagnostics/orders?orderingOrganizationId=&from=&to=`). */
export interface OrderDrill {
  orderingOrganizationId: string;
  from?: string;
  to?: string;
}

/** The orders page's drill-down filter from its address; null without a (well-formed) unit. */
export function readOrderDrill(params: URLSearchParams): OrderDrill | null {
  const id = params.get('orderingOrganizationId');
  if (!id || !UUID.test(id)) return null;
  const period = readPeriod(params);
  return period ? { orderingOrganizationId: id, ...period } : { orderingOrganizationId: id };
}

export function orderDrillPath(organizationId: string, p: DatePeriod): string {
  return `/diagnostics/orders?${new URLSearchParams({ orderingOrganizationId: organizationId, from: p.from, to: p.to }).toString()}`;
}

/** The address keys of the drill-down, removed together when its tag is closed. */
export const ORDER_DRILL_KEYS = ['orderingOrganizationId', 'from', 'to'] as const;
