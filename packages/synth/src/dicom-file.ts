import { createRng, type Rng } from './prng.ts';

/**
 * A minimal DICOM Part 10 writer (PS3.10 §7) for the shared imaging centre (issue #13): one
 * single-frame 16-bit MONOCHROME2 image, file meta and dataset both in explicit VR little endian,
 * and a seeded phantom (chest radiograph or head CT) to fill it. Text is UTF-8 (ISO_IR 192), so
 * Chinese names need no escape sequences.
 */

export const TRANSFER_SYNTAX_EXPLICIT_LE = '1.2.840.10008.1.2.1';
/** SOP classes (PS3.4 Annex B): CT Image Storage; Digital X-Ray Image Storage – For Presentation. */
export const SOP_CLASS_UIDS = { CT: '1.2.840.10008.5.1.4.1.1.2', DX: '1.2.840.10008.5.1.4.1.1.1.1' } as const;
export type DicomModality = keyof typeof SOP_CLASS_UIDS;
/** Ours, under the UUID-derived root 2.25 (PS3.5 §B.2; no registration needed). */
export const IMPLEMENTATION_CLASS_UID = '2.25.142530932640503843161744503067034028616';
export const IMPLEMENTATION_VERSION_NAME = 'YIGONG_SYNTH_1';

export type DicomSex = 'M' | 'F' | 'O';

export interface DicomImageSpec {
  modality: DicomModality;
  /** PN: `Family^Given`, or any UTF-8 text such as `张^三` (at most 64 characters per component group). */
  patientName: string;
  patientId: string;
  patientSex: DicomSex;
  /** `YYYYMMDD` or `YYYY-MM-DD`. */
  patientBirthDate: string;
  studyInstanceUid: string;
  seriesInstanceUid: string;
  sopInstanceUid: string;
  /** `YYYYMMDD` or `YYYY-MM-DD`. */
  studyDate: string;
  /** `HHMMSS` or `HH:MM:SS`. */
  studyTime: string;
  studyDescription: string;
  institutionName: string;
  accessionNumber: string;
  seriesNumber?: number;
  instanceNumber?: number;
  rows: number;
  columns: number;
  /** Stored values, row by row, 12 bits (0–4095); the output value is stored × slope + intercept. */
  pixels: Uint16Array | readonly number[];
  windowCenter: number;
  windowWidth: number;
  rescaleIntercept: number;
  rescaleSlope: number;
  /** Millimetres between rows and between columns. */
  pixelSpacing?: readonly [number, number];
}

// Value representations this writer emits (PS3.5 §6.2).
type Vr = 'CS' | 'DA' | 'DS' | 'IS' | 'LO' | 'PN' | 'SH' | 'TM' | 'UI' | 'US' | 'UL' | 'OB' | 'OW';
/** VRs with a 2-byte reserved field and a 4-byte length in explicit VR (PS3.5 §7.1.2). */
const LONG_VRS: ReadonlySet<Vr> = new Set(['OB', 'OW']);

interface DataElement {
  /** (group << 16) | element. */
  tag: number;
  vr: Vr;
  value: Uint8Array;
}

const BITS_STORED = 12;
const utf8 = new TextEncoder();

/** The Part 10 file for one image: 128-byte preamble, `DICM`, file meta (group 0002), dataset. */
export function writeDicom(spec: DicomImageSpec): Uint8Array {
  const sopClassUid = SOP_CLASS_UIDS[spec.modality];
  if (!sopClassUid) throw new RangeError(`modality must be CT or DX: ${String(spec.modality)}`);
  checkPixels(spec);

  const meta = [
    element(0x0002_0001, 'OB', new Uint8Array([0x00, 0x01])),
    text(0x0002_0002, 'UI', sopClassUid, 'sopClassUid'),
    text(0x0002_0003, 'UI', spec.sopInstanceUid, 'sopInstanceUid'),
    text(0x0002_0010, 'UI', TRANSFER_SYNTAX_EXPLICIT_LE, 'transferSyntax'),
    text(0x0002_0012, 'UI', IMPLEMENTATION_CLASS_UID, 'implementationClassUid'),
    text(0x0002_0013, 'SH', IMPLEMENTATION_VERSION_NAME, 'implementationVersionName'),
  ];
  const metaLength = meta.reduce((sum, e) => sum + encodedLength(e), 0);
  const groupLength = element(0x0002_0000, 'UL', u32(metaLength));

  const dataset: DataElement[] = [
    text(0x0008_0005, 'CS', 'ISO_IR 192', 'specificCharacterSet'),
    text(0x0008_0016, 'UI', sopClassUid, 'sopClassUid'),
    text(0x0008_0018, 'UI', spec.sopInstanceUid, 'sopInstanceUid'),
    text(0x0008_0020, 'DA', dicomDate(spec.studyDate, 'studyDate'), 'studyDate'),
    text(0x0008_0030, 'TM', dicomTime(spec.studyTime, 'studyTime'), 'studyTime'),
    text(0x0008_0050, 'SH', spec.accessionNumber, 'accessionNumber'),
    text(0x0008_0060, 'CS', spec.modality, 'modality'),
    text(0x0008_0080, 'LO', spec.institutionName, 'institutionName'),
    text(0x0008_1030, 'LO', spec.studyDescription, 'studyDescription'),
    text(0x0010_0010, 'PN', spec.patientName, 'patientName'),
    text(0x0010_0020, 'LO', spec.patientId, 'patientId'),
    text(0x0010_0030, 'DA', dicomDate(spec.patientBirthDate, 'patientBirthDate'), 'patientBirthDate'),
    text(0x0010_0040, 'CS', spec.patientSex, 'patientSex'),
    text(0x0020_000d, 'UI', spec.studyInstanceUid, 'studyInstanceUid'),
    text(0x0020_000e, 'UI', spec.seriesInstanceUid, 'seriesInstanceUid'),
    text(0x0020_0011, 'IS', integerString(spec.seriesNumber ?? 1, 'seriesNumber'), 'seriesNumber'),
    text(0x0020_0013, 'IS', integerString(spec.instanceNumber ?? 1, 'instanceNumber'), 'instanceNumber'),
    element(0x0028_0002, 'US', u16(1, 'samplesPerPixel')),
    text(0x0028_0004, 'CS', 'MONOCHROME2', 'photometricInterpretation'),
    element(0x0028_0010, 'US', u16(spec.rows, 'rows')),
    element(0x0028_0011, 'US', u16(spec.columns, 'columns')),
    element(0x0028_0100, 'US', u16(16, 'bitsAllocated')),
    element(0x0028_0101, 'US', u16(BITS_STORED, 'bitsStored')),
    element(0x0028_0102, 'US', u16(BITS_STORED - 1, 'highBit')),
    element(0x0028_0103, 'US', u16(0, 'pixelRepresentation')),
    text(0x0028_1050, 'DS', decimalString(spec.windowCenter, 'windowCenter'), 'windowCenter'),
    text(0x0028_1051, 'DS', decimalString(spec.windowWidth, 'windowWidth'), 'windowWidth'),
    text(0x0028_1052, 'DS', decimalString(spec.rescaleIntercept, 'rescaleIntercept'), 'rescaleIntercept'),
    text(0x0028_1053, 'DS', decimalString(spec.rescaleSlope, 'rescaleSlope'), 'rescaleSlope'),
    element(0x7fe0_0010, 'OW', pixelBytes(spec.pixels)),
  ];
  if (spec.pixelSpacing) {
    const [row, column] = spec.pixelSpacing;
    const value = `${decimalString(row, 'pixelSpacing')}\\${decimalString(column, 'pixelSpacing')}`;
    dataset.push(text(0x0028_0030, 'DS', value, 'pixelSpacing'));
  }
  if (spec.modality === 'CT') dataset.push(text(0x0008_0008, 'CS', 'ORIGINAL\\PRIMARY\\AXIAL', 'imageType'));
  dataset.sort((a, b) => a.tag - b.tag); // a dataset is in ascending tag order (PS3.5 §7.1)

  const parts = [groupLength, ...meta, ...dataset];
  const out = new Uint8Array(132 + parts.reduce((sum, e) => sum + encodedLength(e), 0));
  out.set([0x44, 0x49, 0x43, 0x4d], 128); // preamble of zeros, then 'DICM'
  let at = 132;
  for (const e of parts) at = encodeInto(out, at, e);
  return out;
}

function element(tag: number, vr: Vr, value: Uint8Array): DataElement {
  if (value.length % 2 !== 0) throw new Error(`odd value length for tag ${tag.toString(16)}`);
  return { tag, vr, value };
}

function encodedLength(e: DataElement): number {
  return (LONG_VRS.has(e.vr) ? 12 : 8) + e.value.length;
}

function encodeInto(out: Uint8Array, at: number, e: DataElement): number {
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  view.setUint16(at, e.tag >>> 16, true);
  view.setUint16(at + 2, e.tag & 0xffff, true);
  out[at + 4] = e.vr.charCodeAt(0);
  out[at + 5] = e.vr.charCodeAt(1);
  if (LONG_VRS.has(e.vr)) {
    view.setUint16(at + 6, 0, true);
    view.setUint32(at + 8, e.value.length, true);
    at += 12;
  } else {
    if (e.value.length > 0xffff) throw new RangeError(`value too long for ${e.vr}`);
    view.setUint16(at + 6, e.value.length, true);
    at += 8;
  }
  out.set(e.value, at);
  return at + e.value.length;
}

// Character limits per value (PS3.5 Table 6.2-1); PN per component group.
const MAX_CHARS: Partial<Record<Vr, number>> = { CS: 16, DS: 16, IS: 12, LO: 64, PN: 64, SH: 16, UI: 64 };
const UID = /^(0|[1-9][0-9]*)(\.(0|[1-9][0-9]*))*$/;

/** A text element: checked against its VR, UTF-8 encoded, padded to even length (UI with NUL, others with space). */
function text(tag: number, vr: Vr, value: string, field: string): DataElement {
  checkText(vr, value, field);
  const bytes = utf8.encode(value);
  if (bytes.length % 2 === 0) return element(tag, vr, bytes);
  const padded = new Uint8Array(bytes.length + 1);
  padded.set(bytes);
  padded[bytes.length] = vr === 'UI' ? 0x00 : 0x20;
  return element(tag, vr, padded);
}

function checkText(vr: Vr, value: string, field: string): void {
  const fail = (why: string): never => {
    throw new RangeError(`DICOM ${field} (${vr}): ${why}: ${JSON.stringify(value)}`);
  };
  // Control characters are not allowed in these VRs (ESC would start ISO 2022 escapes; we write UTF-8).
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(value)) fail('control character');
  const max = MAX_CHARS[vr];
  // Multi-valued strings (backslash-separated) are allowed only where this writer makes them.
  const values = vr === 'CS' || vr === 'DS' ? value.split('\\') : [value];
  if (vr !== 'CS' && vr !== 'DS' && value.includes('\\')) fail('backslash');
  for (const v of values) {
    const groups = vr === 'PN' ? v.split('=') : [v];
    if (vr === 'PN' && groups.length > 3) fail('more than three component groups');
    for (const g of groups) if (max !== undefined && [...g].length > max) fail(`longer than ${max} characters`);
  }
  if (vr === 'UI' && (!UID.test(value) || value.length > 64)) fail('not a UID');
  if (vr === 'CS' && !values.every((v) => /^[A-Z0-9 _]*$/.test(v))) fail('not a code string');
}

/** `YYYYMMDD` from either DICOM or ISO form, checked as a calendar date. */
function dicomDate(value: string, field: string): string {
  const m = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(value);
  const date = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!m || !date || date.getUTCMonth() !== Number(m[2]) - 1 || date.getUTCDate() !== Number(m[3])) {
    throw new RangeError(`DICOM ${field} (DA): not a date: ${JSON.stringify(value)}`);
  }
  return `${m[1]}${m[2]}${m[3]}`;
}

/** `HHMMSS` from either DICOM or `HH:MM:SS` form. */
function dicomTime(value: string, field: string): string {
  const m = /^([01]\d|2[0-3]):?([0-5]\d):?([0-5]\d)$/.exec(value);
  if (!m) throw new RangeError(`DICOM ${field} (TM): not a time: ${JSON.stringify(value)}`);
  return `${m[1]}${m[2]}${m[3]}`;
}

function integerString(n: number, field: string): string {
  if (!Number.isInteger(n) || Math.abs(n) > 2 ** 31 - 1) throw new RangeError(`DICOM ${field} (IS): not a 32-bit integer: ${n}`);
  return String(n);
}

/** A decimal string of at most 16 characters. */
function decimalString(n: number, field: string): string {
  if (!Number.isFinite(n)) throw new RangeError(`DICOM ${field} (DS): not a finite number: ${n}`);
  let s = String(n);
  for (let digits = 12; s.length > 16 && digits > 0; digits--) s = String(Number(n.toPrecision(digits)));
  if (s.length > 16) throw new RangeError(`DICOM ${field} (DS): cannot fit in 16 characters: ${n}`);
  return s;
}

function u16(n: number, field: string): Uint8Array {
  if (!Number.isInteger(n) || n < 0 || n > 0xffff) throw new RangeError(`DICOM ${field} (US): not 0–65535: ${n}`);
  return new Uint8Array([n & 0xff, n >>> 8]);
}

function u32(n: number): Uint8Array {
  const bytes = new Uint8Array(4);
  new DataView(bytes.buffer).setUint32(0, n, true);
  return bytes;
}

function checkPixels(spec: DicomImageSpec): void {
  const { rows, columns, pixels } = spec;
  if (!Number.isInteger(rows) || rows < 1 || rows > 0xffff) throw new RangeError(`DICOM rows: not 1–65535: ${rows}`);
  if (!Number.isInteger(columns) || columns < 1 || columns > 0xffff) throw new RangeError(`DICOM columns: not 1–65535: ${columns}`);
  if (pixels.length !== rows * columns) throw new RangeError(`DICOM pixels: ${pixels.length} values for ${rows} × ${columns}`);
  const max = 2 ** BITS_STORED - 1;
  for (let i = 0; i < pixels.length; i++) {
    const p = pixels[i]!;
    if (!Number.isInteger(p) || p < 0 || p > max) throw new RangeError(`DICOM pixels[${i}]: not 0–${max}: ${p}`);
  }
}

function pixelBytes(pixels: Uint16Array | readonly number[]): Uint8Array {
  const bytes = new Uint8Array(pixels.length * 2);
  for (let i = 0; i < pixels.length; i++) {
    const p = pixels[i]!;
    bytes[2 * i] = p & 0xff;
    bytes[2 * i + 1] = p >>> 8;
  }
  return bytes;
}

/** `2.25.` and the UUID as one decimal integer (PS3.5 §B.2, ISO/IEC 9834-8). */
export function uidFromUuid(uuid: string): string {
  const hex = uuid.replace(/-/g, '');
  if (!/^[0-9a-f]{32}$/i.test(hex)) throw new RangeError(`not a UUID: ${uuid}`);
  return `2.25.${BigInt(`0x${hex}`).toString()}`;
}

// ——— Phantoms ———

export const DICOM_STUDY_KINDS = ['chest_dr', 'head_ct'] as const;
export type DicomStudyKind = (typeof DICOM_STUDY_KINDS)[number];

export interface Phantom {
  rows: number;
  columns: number;
  pixels: Uint16Array;
  windowCenter: number;
  windowWidth: number;
  rescaleIntercept: number;
  rescaleSlope: number;
  pixelSpacing: readonly [number, number];
}

/** An ellipse in image coordinates scaled to −1…1 (x right, y down), rotated by `angle` radians. */
interface Ellipse {
  x: number;
  y: number;
  a: number;
  b: number;
  angle?: number;
  value: number;
}

/**
 * Posteroanterior chest radiograph: ellipsoids whose projected thickness adds up (value ×
 * √(1 − r²)), air in the lungs subtracting. The patient's left is on the image right.
 */
const CHEST: readonly Ellipse[] = [
  { x: 0, y: 0.2, a: 0.88, b: 1.05, value: 1500 }, // thorax and abdomen
  { x: 0, y: -0.95, a: 0.2, b: 0.3, value: 1100 }, // neck
  { x: -0.38, y: -0.02, a: 0.3, b: 0.62, value: -1000 }, // right lung
  { x: 0.37, y: 0, a: 0.28, b: 0.6, value: -1000 }, // left lung
  { x: 0, y: 0.05, a: 0.09, b: 1, value: 900 }, // spine and mediastinum
  { x: 0.1, y: 0.32, a: 0.3, b: 0.24, angle: -0.3, value: 800 }, // heart
  { x: -0.35, y: 0.78, a: 0.45, b: 0.25, value: 300 }, // liver under the right dome
  { x: -0.3, y: -0.62, a: 0.3, b: 0.035, angle: 0.25, value: 500 }, // right clavicle
  { x: 0.3, y: -0.62, a: 0.3, b: 0.035, angle: -0.25, value: 500 }, // left clavicle
];

/** Axial head CT in Hounsfield units, painted in order (each ellipse replaces what it covers). */
const HEAD: readonly Ellipse[] = [
  { x: 0, y: 0, a: 0.74, b: 0.92, value: 40 }, // scalp
  { x: 0, y: 0, a: 0.7, b: 0.88, value: 1000 }, // skull
  { x: 0, y: 0.01, a: 0.645, b: 0.825, value: 38 }, // grey matter
  { x: 0, y: 0.02, a: 0.52, b: 0.7, value: 28 }, // white matter
  { x: -0.12, y: -0.08, a: 0.07, b: 0.25, angle: 0.3, value: 6 }, // lateral ventricles (CSF)
  { x: 0.12, y: -0.08, a: 0.07, b: 0.25, angle: -0.3, value: 6 },
  { x: 0, y: 0.16, a: 0.02, b: 0.07, value: 6 }, // third ventricle
  { x: 0, y: 0.3, a: 0.02, b: 0.02, value: 150 }, // calcified pineal
];

/** A seeded phantom image, `size` × `size` pixels (default 256), with its display settings. */
export function synthPhantom(kind: DicomStudyKind, seed: number, size = 256): Phantom {
  if (!Number.isInteger(size) || size < 16 || size > 4096) throw new RangeError(`phantom size must be 16–4096: ${size}`);
  const rng = createRng(seed, 'dicom-phantom', kind);
  const max = 2 ** BITS_STORED - 1;
  const pixels = new Uint16Array(size * size);
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      const x = ((col + 0.5) / size) * 2 - 1;
      const y = ((row + 0.5) / size) * 2 - 1;
      let v: number;
      if (kind === 'chest_dr') {
        v = 100; // direct exposure
        for (const e of CHEST) {
          const r2 = radius2(e, x, y);
          if (r2 < 1) v += e.value * Math.sqrt(1 - r2);
        }
        v += 15 * gaussian(rng);
      } else {
        v = -1000; // air
        for (const e of HEAD) if (radius2(e, x, y) <= 1) v = e.value;
        v += 1024 + 4 * gaussian(rng); // stored = HU + 1024
      }
      pixels[row * size + col] = Math.min(max, Math.max(0, Math.round(v)));
    }
  }
  return kind === 'chest_dr'
    ? { rows: size, columns: size, pixels, windowCenter: 1300, windowWidth: 2600, rescaleIntercept: 0, rescaleSlope: 1, pixelSpacing: spacing(430, size) }
    : { rows: size, columns: size, pixels, windowCenter: 40, windowWidth: 80, rescaleIntercept: -1024, rescaleSlope: 1, pixelSpacing: spacing(230, size) };
}

/** Pixel spacing (mm) for a field of view, to 3 decimals. */
function spacing(fieldMm: number, size: number): readonly [number, number] {
  const s = Math.round((fieldMm / size) * 1000) / 1000;
  return [s, s];
}

function radius2(e: Ellipse, x: number, y: number): number {
  const c = Math.cos(e.angle ?? 0);
  const s = Math.sin(e.angle ?? 0);
  const dx = x - e.x;
  const dy = y - e.y;
  const u = (dx * c + dy * s) / e.a;
  const v = (-dx * s + dy * c) / e.b;
  return u * u + v * v;
}

function gaussian(rng: Rng): number {
  const u = 1 - rng.next(); // (0, 1]
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.next());
}

// ——— A whole study ———

export interface SynthStudyOptions {
  kind: DicomStudyKind;
  patient: {
    name: string;
    id: string;
    /** The platform's `male`/`female`, or a DICOM code. */
    sex: 'male' | 'female' | DicomSex;
    birthDate: string;
  };
  studyDate: string;
  /** Default: a seeded time in working hours. */
  studyTime?: string;
  /** Defaults: UUID-derived UIDs from the seed. */
  studyInstanceUid?: string;
  seriesInstanceUid?: string;
  sopInstanceUid?: string;
  accessionNumber?: string;
  institutionName?: string;
  /** Pixels per side, default 256. */
  size?: number;
  seed: number;
}

export interface SynthStudy {
  bytes: Uint8Array;
  /** What was written, including the UIDs drawn when none were given. */
  spec: DicomImageSpec;
}

const STUDY_KINDS: Record<DicomStudyKind, { modality: DicomModality; description: string }> = {
  chest_dr: { modality: 'DX', description: 'DR胸部正位' },
  head_ct: { modality: 'CT', description: '头颅CT平扫' },
};

/** One seeded single-image study: a chest radiograph or one slice of a head CT. */
export function synthStudyDicom(options: SynthStudyOptions): SynthStudy {
  const { kind, patient, seed } = options;
  const study = STUDY_KINDS[kind];
  if (!study) throw new RangeError(`unknown study kind: ${String(kind)}`);
  const rng = createRng(seed, 'dicom-study', kind);
  const uid = (): string => uidFromUuid(rng.uuid());
  const studyInstanceUid = options.studyInstanceUid ?? uid();
  const seriesInstanceUid = options.seriesInstanceUid ?? uid();
  const sopInstanceUid = options.sopInstanceUid ?? uid();
  const pad = (n: number): string => String(n).padStart(2, '0');
  const studyTime = options.studyTime ?? `${pad(rng.int(8, 16))}${pad(rng.int(0, 59))}${pad(rng.int(0, 59))}`;
  const accessionNumber = options.accessionNumber ?? `A${String(rng.int(0, 999_999_999)).padStart(9, '0')}`;
  const phantom = synthPhantom(kind, seed, options.size ?? 256);
  const sex: DicomSex = patient.sex === 'male' ? 'M' : patient.sex === 'female' ? 'F' : patient.sex;
  const spec: DicomImageSpec = {
    modality: study.modality,
    patientName: patient.name,
    patientId: patient.id,
    patientSex: sex,
    patientBirthDate: patient.birthDate,
    studyInstanceUid,
    seriesInstanceUid,
    sopInstanceUid,
    studyDate: options.studyDate,
    studyTime,
    studyDescription: study.description,
    institutionName: options.institutionName ?? '医学影像诊断中心',
    accessionNumber,
    seriesNumber: 1,
    instanceNumber: 1,
    ...phantom,
  };
  return { bytes: writeDicom(spec), spec };
}
