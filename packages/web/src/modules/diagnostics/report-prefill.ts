import { fillReportTemplate, templatePlaceholders } from '@yigong/domain';
import type { OrderDetailView } from '@yigong/contracts';

type Observation = OrderDetailView['observations'][number];

const UP = new Set(['H', 'HH']);
const DOWN = new Set(['L', 'LL']);

function arrow(flag: Observation['flag']): string {
  return flag && UP.has(flag) ? '↑' : flag && DOWN.has(flag) ? '↓' : '';
}

/** Observations outside their reference range (flag H, HH, L or LL). */
export function abnormalObservations(observations: readonly Observation[]): Observation[] {
  return observations.filter((o) => !!o.flag && o.flag !== 'N');
}

/**
 * The template values the results already give: the ECG's heart rate; a lab result's count of
 * analytes, of abnormal ones and their list (`钾 6.9 mmol/L↑，钠 130 mmol/L↓`).
 */
export function reportTemplateValues(order: Pick<OrderDetailView, 'observations' | 'ecg'>): Record<string, string | number> {
  const values: Record<string, string | number> = {};
  if (order.ecg?.heartRate !== null && order.ecg?.heartRate !== undefined) values.hr = order.ecg.heartRate;
  if (order.observations.length > 0) {
    const abnormal = abnormalObservations(order.observations);
    values.count = order.observations.length;
    values.abnormalCount = abnormal.length;
    values.abnormalList = abnormal.map((o) => `${o.name ?? o.code} ${o.value}${o.unit ? ` ${o.unit}` : ''}${arrow(o.flag)}`).join('，');
  }
  return values;
}

/**
 * The report form's first text: the item's template (GET …/orders/:id `template`) with what the
 * results already tell filled in; for a lab result with abnormal values the conclusion names them
 * (`钾升高，请结合临床。`). Placeholders nothing fills stay for the reader.
 */
export function prefillReport(order: Pick<OrderDetailView, 'observations' | 'ecg' | 'template'>): { findings: string; conclusion: string } {
  const values = reportTemplateValues(order);
  const abnormal = abnormalObservations(order.observations);
  const conclusion =
    abnormal.length > 0
      ? `${abnormal.map((o) => `${o.name ?? o.code}${o.flag && UP.has(o.flag) ? '升高' : '降低'}`).join('、')}，请结合临床。`
      : fillReportTemplate(order.template.conclusion, values);
  return { findings: fillReportTemplate(order.template.findings, values), conclusion };
}

/** The `{{name}}` placeholders still in a text (the report cannot be signed with them). */
export function remainingPlaceholders(text: string | undefined): string[] {
  return text ? templatePlaceholders(text) : [];
}
