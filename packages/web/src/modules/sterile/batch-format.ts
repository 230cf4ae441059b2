import type { BatchView } from '@yigong/contracts';

type Params = Pick<BatchView, 'method' | 'temperatureC' | 'exposureMinutes' | 'pressureKpa'>;

/** `134 °C · 4 min · 210 kPa` (pressure for steam only): the exposure as the steriliser printed it. */
export function cycleParameters(b: Params, minutesUnit: string): string {
  const parts = [`${b.temperatureC} °C`, `${b.exposureMinutes} ${minutesUnit}`];
  if (b.method === 'pressure_steam' && b.pressureKpa !== null) parts.push(`${b.pressureKpa} kPa`);
  return parts.join(' · ');
}

/** `S1 #1203`: the steriliser and its cycle counter, how the centre names a load. */
export function cycleName(b: Pick<BatchView, 'sterilizerCode' | 'cycleNo'>): string {
  return `${b.sterilizerCode} #${b.cycleNo}`;
}
