/**
 * Business dates of the stock pages (YYYY-MM-DD in Asia/Shanghai; docs/domain/sterile-supply.md
 * "Wraps and shelf life": `expiresOn` is the last day a pack may be used).
 */

/** How many days ahead the 临近过期 filter and tag look (platform rule for the stock page). */
export const EXPIRING_SOON_DAYS = 3;

/** `date` plus `n` calendar days. */
export function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** Days from `today` to the last day of use: 0 on the last day, negative once expired. */
export function daysLeft(expiresOn: string, today: string): number {
  return Math.round((Date.parse(`${expiresOn}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

export type ExpiryState = 'expired' | 'soon' | 'ok';

/** Past its last day; usable for at most EXPIRING_SOON_DAYS more days (the `expiresBy` filter's reach); or fine. */
export function expiryState(expiresOn: string, today: string, soonDays = EXPIRING_SOON_DAYS): ExpiryState {
  const left = daysLeft(expiresOn, today);
  if (left < 0) return 'expired';
  return left <= soonDays ? 'soon' : 'ok';
}
