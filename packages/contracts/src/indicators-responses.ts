import { z } from 'zod';

const scope = z.object({ communityId: z.string(), organizationId: z.string().optional() });
const note = z.literal('no_out_of_county_data').optional();

/** One value of GET /indicators (docs/domain/indicators.md); `note` says when out-of-county data is missing. */
export const indicatorValueView = z.object({
  code: z.string(),
  value: z.number().nullable(),
  numerator: z.number(),
  denominator: z.number(),
  target: z.number().nullable(),
  direction: z.enum(['up', 'down']).nullable(),
  status: z.enum(['green', 'amber', 'red', 'none', 'no_data']),
  note,
});
export type IndicatorValueView = z.infer<typeof indicatorValueView>;

export const outCountyDisease = z.object({ icd3: z.string(), name: z.string().nullable(), count: z.number().int(), share: z.number().nullable() });
export type OutCountyDisease = z.infer<typeof outCountyDisease>;

/** The top out-of-county diseases (community only), listed among the values. */
export const topDiseasesValue = z.object({ code: z.literal('top_out_county_diseases'), items: z.array(outCountyDisease), note });
export type TopDiseasesValue = z.infer<typeof topDiseasesValue>;

/** GET /indicators. */
export const indicatorsResponse = z.object({
  period: z.string(),
  scope,
  values: z.array(z.union([topDiseasesValue, indicatorValueView])),
});
export type IndicatorsResponse = z.infer<typeof indicatorsResponse>;

/** GET /indicators/series: month by month. */
export const indicatorSeriesResponse = z.object({
  scope,
  months: z.array(z.object({ period: z.string(), values: z.array(indicatorValueView) })),
});
export type IndicatorSeriesResponse = z.infer<typeof indicatorSeriesResponse>;

/** GET /indicators/by-unit: the unit-level values of every member unit. */
export const indicatorsByUnitResponse = z.object({
  period: z.string(),
  scope,
  units: z.array(z.object({ organizationId: z.string(), values: z.array(indicatorValueView) })),
});
export type IndicatorsByUnitResponse = z.infer<typeof indicatorsByUnitResponse>;

const metrics = z.array(z.string()).readonly();

/** GET /indicators/definitions: the encounter indicators and the other modules' ones, as data. */
export const indicatorDefinitionView = z.object({
  code: z.string(),
  version: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  name_zh: z.string(),
  name_en: z.string(),
  /** Metrics (encounter indicators) or a description (module indicators). */
  numerator: z.union([metrics, z.string()]),
  denominator: z.union([metrics, z.string()]).nullable(),
  unit: z.enum(['ratio', 'days', 'yuan', 'index', 'count']),
  direction: z.enum(['up', 'down']).nullable(),
  target: z.number().nullable(),
  source: z.string(),
  needsOutOfCounty: z.boolean().optional(),
  communityOnly: z.boolean().optional(),
  module: z.boolean().optional(),
});
export const indicatorDefinitions = z.object({ items: z.array(indicatorDefinitionView) });
