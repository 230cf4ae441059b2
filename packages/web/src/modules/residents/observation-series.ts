import type { ObservationView } from '@yigong/contracts';

export interface Point {
  at: string;
  value: number;
}

export interface ObservationSeries {
  sbp: Point[];
  dbp: Point[];
  fasting: Point[];
  random: Point[];
}

/** Splits observations into chart series, oldest first. */
export function toSeries(observations: readonly ObservationView[]): ObservationSeries {
  const sorted = [...observations].sort((a, b) => a.observedAt.localeCompare(b.observedAt));
  const out: ObservationSeries = { sbp: [], dbp: [], fasting: [], random: [] };
  for (const o of sorted) {
    if (o.kind === 'blood_pressure') {
      out.sbp.push({ at: o.observedAt, value: o.value });
      if (o.value2 !== null) out.dbp.push({ at: o.observedAt, value: o.value2 });
    } else if (o.kind === 'fasting_glucose') out.fasting.push({ at: o.observedAt, value: o.value });
    else if (o.kind === 'random_glucose') out.random.push({ at: o.observedAt, value: o.value });
  }
  return out;
}

/** `120/80 mmHg`, `6.1 mmol/L`. */
export function formatObservation(o: ObservationView): string {
  return o.kind === 'blood_pressure' && o.value2 !== null ? `${o.value}/${o.value2} ${o.unit}` : `${o.value} ${o.unit}`;
}

export const OBSERVATION_UNITS: Record<ObservationView['kind'], string> = {
  blood_pressure: 'mmHg',
  fasting_glucose: 'mmol/L',
  random_glucose: 'mmol/L',
  height: 'cm',
  weight: 'kg',
};
