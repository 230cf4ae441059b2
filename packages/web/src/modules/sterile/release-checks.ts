import type { BatchView } from '@yigong/contracts';
import { DEFAULT_STEAM_EXPOSURES } from '@yigong/domain';

export type CheckName = 'physical' | 'bowieDick' | 'chemical' | 'biological';

/**
 * pass / fail; pending: a biological result the release waits for; not_done: a required test
 * not recorded; not_required: no such check for this cycle (not steam, not pre-vacuum, no
 * biological indicator needed); manufacturer: parameters the platform does not check.
 */
export type CheckState = 'pass' | 'fail' | 'pending' | 'not_done' | 'not_required' | 'manufacturer';

export interface ReleaseCheck {
  check: CheckName;
  state: CheckState;
}

type Cycle = Pick<BatchView, 'method' | 'steamCycleType' | 'temperatureC' | 'exposureMinutes' | 'chemicalPass' | 'biologicalPass' | 'bowieDickPass' | 'implants'>;

/**
 * The four checks of docs/domain/sterile-supply.md "Release", one by one, for the batch page
 * (the server's holdReasons say the same in sentences): steam parameters against the default
 * exposures, the pre-vacuum steriliser's Bowie-Dick test of the day, the chemical indicator, and
 * the biological indicator where one is required before release (implants, ethylene oxide).
 */
export function releaseChecks(b: Cycle): ReleaseCheck[] {
  const steam = b.method === 'pressure_steam';
  const physical: CheckState = !steam ? 'manufacturer' : DEFAULT_STEAM_EXPOSURES.some((e) => b.temperatureC >= e.minTemperatureC && b.exposureMinutes >= e.minMinutes) ? 'pass' : 'fail';
  const bowieDick: CheckState = !(steam && b.steamCycleType === 'pre_vacuum') ? 'not_required' : b.bowieDickPass === null ? 'not_done' : b.bowieDickPass ? 'pass' : 'fail';
  const biologicalRequired = b.implants || b.method === 'ethylene_oxide';
  const biological: CheckState = b.biologicalPass === true ? 'pass' : b.biologicalPass === false ? 'fail' : biologicalRequired ? 'pending' : 'not_required';
  return [
    { check: 'physical', state: physical },
    { check: 'bowieDick', state: bowieDick },
    { check: 'chemical', state: b.chemicalPass ? 'pass' : 'fail' },
    { check: 'biological', state: biological },
  ];
}

/** Whether the checks let the batch go: nothing failed, not done or awaited. */
export function checksRelease(checks: readonly ReleaseCheck[]): boolean {
  return checks.every((c) => c.state !== 'fail' && c.state !== 'pending' && c.state !== 'not_done');
}
