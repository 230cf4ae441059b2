import dicomParser from 'dicom-parser';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  IMPLEMENTATION_CLASS_UID,
  SOP_CLASS_UIDS,
  TRANSFER_SYNTAX_EXPLICIT_LE,
  synthPhantom,
  synthStudyDicom,
  uidFromUuid,
  writeDicom,
  type DicomImageSpec,
} from './dicom-file.ts';

type DataSet = ReturnType<typeof dicomParser.parseDicom>;

/** A text value decoded as UTF-8 (dicom-parser's `string` reads bytes as Latin-1), padding removed. */
function utf8Of(ds: DataSet, tag: string): string | undefined {
  const e = ds.elements[tag];
  if (!e) return undefined;
  return new TextDecoder().decode(ds.byteArray.subarray(e.dataOffset, e.dataOffset + e.length)).replace(/[ \0]+$/, '');
}

function spec(overrides: Partial<DicomImageSpec> = {}): DicomImageSpec {
  const rows = overrides.rows ?? 3;
  const columns = overrides.columns ?? 5;
  return {
    modality: 'CT',
    patientName: 'Zhang^San',
    patientId: 'P0001',
    patientSex: 'M',
    patientBirthDate: '1958-03-07',
    studyInstanceUid: '2.25.1',
    seriesInstanceUid: '2.25.12',
    sopInstanceUid: '2.25.123',
    studyDate: '2025-06-01',
    studyTime: '09:30:05',
    studyDescription: '头颅CT平扫',
    institutionName: '某县人民医院',
    accessionNumber: 'A000123',
    rows,
    columns,
    pixels: Uint16Array.from({ length: rows * columns }, (_, i) => (i * 977) % 4096),
    windowCenter: 40,
    windowWidth: 80,
    rescaleIntercept: -1024,
    rescaleSlope: 1,
    pixelSpacing: [0.898, 0.898],
    ...overrides,
  };
}

describe('writeDicom', () => {
  it('writes the preamble, DICM and explicit VR little endian file meta', () => {
    const bytes = writeDicom(spec());
    expect([...bytes.subarray(0, 128)].every((b) => b === 0)).toBe(true);
    expect(new TextDecoder().decode(bytes.subarray(128, 132))).toBe('DICM');
    const ds = dicomParser.parseDicom(bytes);
    expect(ds.string('x00020010')).toBe(TRANSFER_SYNTAX_EXPLICIT_LE);
    expect(ds.string('x00020002')).toBe(SOP_CLASS_UIDS.CT);
    expect(ds.string('x00020003')).toBe('2.25.123');
    expect(ds.string('x00020012')).toBe(IMPLEMENTATION_CLASS_UID);
    expect([...bytes.subarray(ds.elements.x00020001!.dataOffset, ds.elements.x00020001!.dataOffset + 2)]).toEqual([0, 1]);
    // The group length counts the meta elements after it, up to the first dataset element.
    const afterGroupLength = ds.elements.x00020000!.dataOffset + 4;
    const firstDataset = ds.elements.x00080005!.dataOffset - 8;
    expect(ds.uint32('x00020000')).toBe(firstDataset - afterGroupLength);
  });

  it('round-trips every tag', () => {
    const s = spec({ rows: 7, columns: 9 });
    const ds = dicomParser.parseDicom(writeDicom(s));
    expect(ds.string('x00080005')).toBe('ISO_IR 192');
    expect(ds.string('x00080016')).toBe(SOP_CLASS_UIDS.CT);
    expect(ds.string('x00080018')).toBe('2.25.123');
    expect(ds.string('x00080020')).toBe('20250601');
    expect(ds.string('x00080030')).toBe('093005');
    expect(ds.string('x00080050')).toBe('A000123');
    expect(ds.string('x00080060')).toBe('CT');
    expect(utf8Of(ds, 'x00080080')).toBe('某县人民医院');
    expect(utf8Of(ds, 'x00081030')).toBe('头颅CT平扫');
    expect(ds.string('x00100010')).toBe('Zhang^San');
    expect(ds.string('x00100020')).toBe('P0001');
    expect(ds.string('x00100030')).toBe('19580307');
    expect(ds.string('x00100040')).toBe('M');
    expect(ds.string('x0020000d')).toBe('2.25.1');
    expect(ds.string('x0020000e')).toBe('2.25.12');
    expect(ds.intString('x00200011')).toBe(1);
    expect(ds.intString('x00200013')).toBe(1);
    expect(ds.uint16('x00280002')).toBe(1);
    expect(ds.string('x00280004')).toBe('MONOCHROME2');
    expect(ds.uint16('x00280010')).toBe(7);
    expect(ds.uint16('x00280011')).toBe(9);
    expect([ds.floatString('x00280030', 0), ds.floatString('x00280030', 1)]).toEqual([0.898, 0.898]);
    expect(ds.uint16('x00280100')).toBe(16);
    expect(ds.uint16('x00280101')).toBe(12);
    expect(ds.uint16('x00280102')).toBe(11);
    expect(ds.uint16('x00280103')).toBe(0);
    expect(ds.floatString('x00281050')).toBe(40);
    expect(ds.floatString('x00281051')).toBe(80);
    expect(ds.floatString('x00281052')).toBe(-1024);
    expect(ds.floatString('x00281053')).toBe(1);
    const pixelData = ds.elements.x7fe00010!;
    expect(pixelData.vr).toBe('OW');
    expect(pixelData.length).toBe(7 * 9 * 2);
    const view = new DataView(ds.byteArray.buffer, ds.byteArray.byteOffset + pixelData.dataOffset, pixelData.length);
    expect(Array.from({ length: 63 }, (_, i) => view.getUint16(2 * i, true))).toEqual([...s.pixels]);
    // Ascending tag order, and even lengths throughout.
    const tags = Object.keys(ds.elements).filter((t) => !t.startsWith('x0002'));
    expect(tags).toEqual([...tags].sort());
    for (const t of Object.keys(ds.elements)) expect(ds.elements[t]!.length % 2).toBe(0);
  });

  it('writes Chinese names in UTF-8 and pads UI with NUL, text with space', () => {
    const ds = dicomParser.parseDicom(writeDicom(spec({ patientName: '张^三', sopInstanceUid: '2.25.12345' })));
    expect(ds.elements.x00100010!.vr).toBe('PN');
    expect(utf8Of(ds, 'x00100010')).toBe('张^三'); // 7 bytes, padded to 8
    const name = ds.elements.x00100010!;
    expect(ds.byteArray[name.dataOffset + name.length - 1]).toBe(0x20);
    const sop = ds.elements.x00080018!; // 10 characters: even, no padding
    expect(sop.length).toBe(10);
    const sopClass = ds.elements.x00080016!; // CT Image Storage has 25 characters
    expect(sopClass.length).toBe(26);
    expect(ds.byteArray[sopClass.dataOffset + 25]).toBe(0);
    expect(ds.string('x00080060')).toBe('CT');
  });

  it('round-trips random names, ids and image sizes', () => {
    const nameChars = [...'张王李赵刘陈杨黄周吴徐孙马朱胡郭何林罗高三四伟芳娜敏静丽强磊军洋𠮷ZhangWeiLi^'];
    const idChars = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-'];
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...nameChars), minLength: 1, maxLength: 64 }),
        fc.string({ unit: fc.constantFrom(...idChars), minLength: 1, maxLength: 64 }),
        fc.integer({ min: 1, max: 48 }),
        fc.integer({ min: 1, max: 48 }),
        fc.constantFrom('CT' as const, 'DX' as const),
        fc.integer({ min: 0, max: 4095 }),
        (patientName, patientId, rows, columns, modality, offset) => {
          const pixels = Uint16Array.from({ length: rows * columns }, (_, i) => (offset + i * 331) % 4096);
          const ds = dicomParser.parseDicom(writeDicom(spec({ patientName, patientId, rows, columns, modality, pixels })));
          expect(utf8Of(ds, 'x00100010')).toBe(patientName);
          expect(ds.string('x00100020')).toBe(patientId);
          expect(ds.string('x00080060')).toBe(modality);
          expect(ds.string('x00080016')).toBe(SOP_CLASS_UIDS[modality]);
          expect(ds.uint16('x00280010')).toBe(rows);
          expect(ds.uint16('x00280011')).toBe(columns);
          const pixelData = ds.elements.x7fe00010!;
          expect(pixelData.length).toBe(rows * columns * 2);
          const last = rows * columns - 1;
          expect(ds.byteArray[pixelData.dataOffset + 2 * last]! | (ds.byteArray[pixelData.dataOffset + 2 * last + 1]! << 8)).toBe(pixels[last]);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('rejects values their VR cannot hold', () => {
    expect(() => writeDicom(spec({ sopInstanceUid: '1.02.3' }))).toThrow(/sopInstanceUid/);
    expect(() => writeDicom(spec({ studyDate: '2025-02-30' }))).toThrow(/studyDate/);
    expect(() => writeDicom(spec({ studyTime: '25:00:00' }))).toThrow(/studyTime/);
    expect(() => writeDicom(spec({ patientName: 'Zhang\\San' }))).toThrow(/patientName/);
    expect(() => writeDicom(spec({ patientId: 'x'.repeat(65) }))).toThrow(/patientId/);
    expect(() => writeDicom(spec({ accessionNumber: 'A'.repeat(17) }))).toThrow(/accessionNumber/);
    expect(() => writeDicom(spec({ pixels: new Uint16Array(14) }))).toThrow(/pixels/);
    expect(() => writeDicom(spec({ pixels: new Uint16Array(15).fill(4096) }))).toThrow(/pixels/);
  });
});

describe('synthStudyDicom', () => {
  const patient = { name: '王^秀英', id: '330104195803070029', sex: 'female' as const, birthDate: '1958-03-07' };

  it('repeats for the same seed and fills the UIDs from it', () => {
    const a = synthStudyDicom({ kind: 'chest_dr', patient, studyDate: '2025-06-01', seed: 5 });
    expect(synthStudyDicom({ kind: 'chest_dr', patient, studyDate: '2025-06-01', seed: 5 }).bytes).toEqual(a.bytes);
    expect(a.spec.studyInstanceUid).toMatch(/^2\.25\.[1-9]\d*$/);
    expect(new Set([a.spec.studyInstanceUid, a.spec.seriesInstanceUid, a.spec.sopInstanceUid]).size).toBe(3);
    const ds = dicomParser.parseDicom(a.bytes);
    expect(ds.string('x00080016')).toBe(SOP_CLASS_UIDS.DX);
    expect(ds.string('x00080060')).toBe('DX');
    expect(utf8Of(ds, 'x00100010')).toBe('王^秀英');
    expect(ds.string('x00100040')).toBe('F');
    expect(ds.string('x0020000d')).toBe(a.spec.studyInstanceUid);
    expect(ds.elements.x7fe00010!.length).toBe(256 * 256 * 2);
  });

  it('uses the UIDs it is given', () => {
    const { bytes } = synthStudyDicom({
      kind: 'head_ct',
      patient,
      studyDate: '20250601',
      studyInstanceUid: '2.25.7',
      seriesInstanceUid: '2.25.8',
      sopInstanceUid: '2.25.9',
      accessionNumber: 'CT-0001',
      seed: 1,
    });
    const ds = dicomParser.parseDicom(bytes);
    expect([ds.string('x0020000d'), ds.string('x0020000e'), ds.string('x00080018'), ds.string('x00020003')]).toEqual(['2.25.7', '2.25.8', '2.25.9', '2.25.9']);
    expect(ds.string('x00080050')).toBe('CT-0001');
    expect(ds.string('x00080016')).toBe(SOP_CLASS_UIDS.CT);
  });

  it('draws phantoms with the expected densities', () => {
    const head = synthPhantom('head_ct', 1);
    const hu = (row: number, col: number): number => head.pixels[row * 256 + col]! + head.rescaleIntercept;
    expect(hu(2, 2)).toBeLessThan(-950); // air
    expect(hu(128, 128)).toBeGreaterThan(15); // white matter, ~28 HU
    expect(hu(128, 128)).toBeLessThan(45);
    expect(hu(128, 128 - Math.round(0.67 * 128))).toBeGreaterThan(700); // skull at the side
    const chest = synthPhantom('chest_dr', 1);
    const at = (x: number, y: number): number => chest.pixels[Math.round(((y + 1) / 2) * 255) * 256 + Math.round(((x + 1) / 2) * 255)]!;
    expect(at(-0.4, -0.1)).toBeLessThan(at(0, -0.1)); // lung darker than mediastinum
    expect(at(-0.95, -0.95)).toBeLessThan(at(-0.4, -0.1)); // direct exposure darkest
    expect(Math.max(...chest.pixels)).toBeLessThanOrEqual(4095);
  });

  it('derives UIDs from UUIDs', () => {
    expect(uidFromUuid('00000000-0000-4000-8000-000000000001')).toBe(`2.25.${(0x4000n << 64n) + (0x8000n << 48n) + 1n}`);
    expect(() => uidFromUuid('nope')).toThrow(RangeError);
  });
});
