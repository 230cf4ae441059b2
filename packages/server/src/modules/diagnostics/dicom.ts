import dicomParser, { type DataSet } from 'dicom-parser';
import { DomainError } from '@yigong/domain';

/** The patient and study tags shown with a study (keyword → DICOM tag). */
const TAGS: Record<string, string> = {
  PatientName: 'x00100010',
  PatientID: 'x00100020',
  PatientSex: 'x00100040',
  PatientBirthDate: 'x00100030',
  StudyInstanceUID: 'x0020000d',
  SeriesInstanceUID: 'x0020000e',
  SOPInstanceUID: 'x00080018',
  SOPClassUID: 'x00080016',
  Modality: 'x00080060',
  StudyDate: 'x00080020',
  StudyTime: 'x00080030',
  StudyDescription: 'x00081030',
  BodyPartExamined: 'x00180015',
  InstitutionName: 'x00080080',
  AccessionNumber: 'x00080050',
  Rows: 'x00280010',
  Columns: 'x00280011',
  TransferSyntaxUID: 'x00020010',
};
const NUMERIC = new Set(['Rows', 'Columns']);

/**
 * The decoder of a data set's text: UTF-8 for ISO_IR 192, GB18030 for the Chinese sets
 * (GB18030, GBK, ISO_IR 58 — GB 2312), else Latin-1 (ISO_IR 100, the default repertoire).
 */
function decoderOf(ds: DataSet): TextDecoder {
  const cs = (ds.string('x00080005') ?? '').toUpperCase();
  if (cs.includes('ISO_IR 192')) return new TextDecoder('utf-8');
  if (cs.includes('GB18030') || cs.includes('GBK') || cs.includes('ISO_IR 58')) return new TextDecoder('gb18030');
  return new TextDecoder('latin1');
}

function text(ds: DataSet, tag: string, decoder: TextDecoder): string | undefined {
  const el = ds.elements[tag];
  if (!el || el.length === 0) return undefined;
  const bytes = ds.byteArray.subarray(el.dataOffset, el.dataOffset + el.length);
  // Values are padded to even length with a space (text) or NUL (UIDs).
  return decoder.decode(bytes).replace(/[\0 ]+$/, '');
}

function parse(bytes: Uint8Array, field: string): DataSet {
  try {
    return dicomParser.parseDicom(bytes);
  } catch (e) {
    const why = typeof e === 'string' ? e : e instanceof Error ? e.message : '无法解析';
    throw new DomainError('VALIDATION_FAILED', `文件不是有效的 DICOM 文件（${why.slice(0, 120)}）`, { field });
  }
}

/**
 * Reads a DICOM Part 10 file with dicom-parser: its tags, or a 400 naming `field` when the bytes
 * are not DICOM (no "DICM" preamble, a truncated data set) or carry no image.
 */
export function readDicom(bytes: Uint8Array, field: string): { tags: Record<string, string>; dataSet: DataSet } {
  const ds = parse(bytes, field);
  if (!ds.elements.x7fe00010) throw new DomainError('VALIDATION_FAILED', 'DICOM 文件没有像素数据（7FE0,0010）', { field });
  const decoder = decoderOf(ds);
  const tags: Record<string, string> = {};
  for (const [name, tag] of Object.entries(TAGS)) {
    const v = NUMERIC.has(name) ? ds.uint16(tag)?.toString() : text(ds, tag, decoder);
    if (v !== undefined && v !== '') tags[name] = name === 'PatientName' ? v.replace(/\^/g, ' ').trim() : v;
  }
  return { tags, dataSet: ds };
}

const UNCOMPRESSED = new Set(['1.2.840.10008.1.2', '1.2.840.10008.1.2.1']);

/**
 * The first frame of an uncompressed grey-scale image, rescaled and windowed to 8 bits
 * (PS3.3 C.11.2.1.2: linear VOI LUT with the file's first window centre/width, else the frame's
 * range); MONOCHROME1 inverted. Compressed transfer syntaxes are refused with a clear message.
 */
export function firstFrame(bytes: Uint8Array): { rows: number; columns: number; pixels: Uint8Array } {
  const ds = parse(bytes, 'file');
  const syntax = (ds.string('x00020010') ?? '1.2.840.10008.1.2').trim();
  if (!UNCOMPRESSED.has(syntax)) throw new DomainError('VALIDATION_FAILED', `暂不支持压缩传输语法 ${syntax} 的预览`, { field: 'file' });
  const rows = ds.uint16('x00280010') ?? 0;
  const columns = ds.uint16('x00280011') ?? 0;
  const bits = ds.uint16('x00280100') ?? 16;
  const signed = ds.uint16('x00280103') === 1;
  const samplesPerPixel = ds.uint16('x00280002') ?? 1;
  const pixel = ds.elements.x7fe00010;
  if (!pixel || rows === 0 || columns === 0 || samplesPerPixel !== 1) throw new DomainError('VALIDATION_FAILED', '只能预览单通道灰度图像', { field: 'file' });
  const n = rows * columns;
  const view = new DataView(ds.byteArray.buffer, ds.byteArray.byteOffset + pixel.dataOffset, Math.min(pixel.length, n * (bits / 8)));
  const slope = Number(ds.string('x00281053') ?? 1) || 1;
  const intercept = Number(ds.string('x00281052') ?? 0) || 0;
  const values = new Float64Array(n);
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n && (i + 1) * (bits / 8) <= view.byteLength; i++) {
    const raw = bits === 8 ? view.getUint8(i) : signed ? view.getInt16(i * 2, true) : view.getUint16(i * 2, true);
    const v = raw * slope + intercept;
    values[i] = v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const centre = Number(ds.string('x00281050')) || (min + max) / 2;
  const width = Number(ds.string('x00281051')) || Math.max(1, max - min);
  const invert = (ds.string('x00280004') ?? '').trim() === 'MONOCHROME1';
  const out = new Uint8Array(n);
  const lo = centre - 0.5 - (width - 1) / 2;
  for (let i = 0; i < n; i++) {
    const g = Math.round(Math.min(255, Math.max(0, ((values[i]! - lo) / Math.max(1, width - 1)) * 255)));
    out[i] = invert ? 255 - g : g;
  }
  return { rows, columns, pixels: out };
}
