import { describe, expect, it } from 'vitest';
import { MAX_CONSULTATION_ATTACHMENT_BYTES } from '@yigong/domain';
import { attachmentProblem, attachmentsProblem, bytesToBase64, charCount, consultationFieldErrors, hasDicomPreamble, mediaTypeOf } from './consultation-request.ts';

describe('charCount', () => {
  it('counts code points after trimming, as the domain does', () => {
    expect(charCount('  胸闷 2 周  ')).toBe(6);
    expect(charCount('𠀀𠀁')).toBe(2); // outside the basic plane: one each, not two
    expect(charCount(undefined)).toBe(0);
  });
});

describe('mediaTypeOf', () => {
  it('takes the browser type when it is one of the four', () => {
    expect(mediaTypeOf('scan', 'application/pdf')).toBe('application/pdf');
    expect(mediaTypeOf('x.bin', 'IMAGE/PNG')).toBe('image/png');
  });
  it('falls back on the extension (DICOM files have no browser type)', () => {
    expect(mediaTypeOf('胸部正位片.DCM', '')).toBe('application/dicom');
    expect(mediaTypeOf('photo.jpg', '')).toBe('image/jpeg');
    expect(mediaTypeOf('report.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')).toBeNull();
    expect(mediaTypeOf('IM000001', '')).toBeNull();
  });
});

describe('hasDicomPreamble', () => {
  it('finds DICM after the 128-byte preamble', () => {
    const head = new Uint8Array(132);
    head.set([0x44, 0x49, 0x43, 0x4d], 128);
    expect(hasDicomPreamble(head)).toBe(true);
    expect(hasDicomPreamble(head.subarray(0, 131))).toBe(false);
    expect(hasDicomPreamble(new Uint8Array(132))).toBe(false);
  });
});

describe('attachment checks', () => {
  it('refuses an unknown type, an empty file and one over 20 MB (20 × 1024 × 1024 bytes allowed)', () => {
    expect(attachmentProblem({ size: 10, mediaType: null })).toEqual({ kind: 'type' });
    expect(attachmentProblem({ size: 0, mediaType: 'image/png' })).toEqual({ kind: 'empty' });
    expect(attachmentProblem({ size: MAX_CONSULTATION_ATTACHMENT_BYTES, mediaType: 'application/pdf' })).toBeNull();
    expect(attachmentProblem({ size: MAX_CONSULTATION_ATTACHMENT_BYTES + 1, mediaType: 'application/pdf' })).toEqual({ kind: 'size' });
  });
  it('names the first bad file, or too many files', () => {
    const ok = { size: 1, mediaType: 'image/png' as const };
    expect(attachmentsProblem([ok, ok])).toBeNull();
    expect(attachmentsProblem([ok, { size: 1, mediaType: null }, { size: 0, mediaType: 'image/png' }])).toEqual({ index: 1, problem: { kind: 'type' } });
    expect(attachmentsProblem(Array.from({ length: 11 }, () => ok))).toEqual({ index: null, problem: { kind: 'count', max: 10 } });
  });
});

describe('bytesToBase64', () => {
  it('encodes like Buffer, also past one slice', () => {
    const bytes = new Uint8Array(70_000).map((_, i) => (i * 7) % 256);
    expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    expect(bytesToBase64(new Uint8Array())).toBe('');
  });
});

describe('consultationFieldErrors', () => {
  it('puts a field problem on its field and an attachment’s on 附件 with the file name', () => {
    const errors = consultationFieldErrors(
      [
        { path: ['question'], message: '会诊问题须为 10–2000 字' },
        { path: ['attachments', '1', 'size'], message: '单个附件不能超过 20 MB' },
        { path: ['attachments'], message: '附件不能超过 10 个' },
        { path: ['orderId'], message: '关联的检查单不存在' },
      ],
      ['a.pdf', 'b.dcm'],
    );
    expect(errors).toEqual([
      { name: 'question', errors: ['会诊问题须为 10–2000 字'] },
      { name: 'attachments', errors: ['b.dcm：单个附件不能超过 20 MB', '附件不能超过 10 个'] },
    ]);
  });
  it('leaves out what the form has no field for', () => {
    expect(consultationFieldErrors([{ path: ['orderId'], message: 'x' }, { path: [], message: 'y' }], [])).toEqual([]);
  });
});
