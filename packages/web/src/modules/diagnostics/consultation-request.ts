import { CONSULTATION_MEDIA_TYPES, MAX_CONSULTATION_ATTACHMENT_BYTES, MAX_CONSULTATION_ATTACHMENTS, type ConsultationMediaType } from '@yigong/domain';
import type { FieldIssue } from '../../shared/api/api-client.ts';

/**
 * The request of 申请会诊 as the browser builds it (docs/domain/consultation.md "Request"): lengths
 * counted as the domain counts them, the attachments' media types and sizes checked before the
 * upload, files as base64, and the server's field problems placed on the form.
 */

/** Characters as a reader counts them: code points, blanks at either end not counted (the domain's rule). */
export function charCount(text: string | null | undefined): number {
  return [...(text ?? '').trim()].length;
}

const BY_EXTENSION: Record<string, ConsultationMediaType> = { pdf: 'application/pdf', png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', dcm: 'application/dicom', dicom: 'application/dicom' };

/** The accepted media type of a file from what the browser says, else its extension; null when it is none of them. */
export function mediaTypeOf(name: string, browserType: string): ConsultationMediaType | null {
  const declared = browserType.toLowerCase();
  if ((CONSULTATION_MEDIA_TYPES as readonly string[]).includes(declared)) return declared as ConsultationMediaType;
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  return (ext && BY_EXTENSION[ext]) || null;
}

/** A DICOM Part 10 file: 128 bytes of preamble, then `DICM` (files from a PACS often have no extension). */
export function hasDicomPreamble(head: Uint8Array): boolean {
  return head.length >= 132 && head[128] === 0x44 && head[129] === 0x49 && head[130] === 0x43 && head[131] === 0x4d;
}

export type AttachmentProblem = { kind: 'type' } | { kind: 'size' } | { kind: 'empty' } | { kind: 'count'; max: number };

/** What is wrong with one file (type unknown, empty, over 20 MB), or null. */
export function attachmentProblem(f: { size: number; mediaType: ConsultationMediaType | null }): AttachmentProblem | null {
  if (!f.mediaType) return { kind: 'type' };
  if (f.size < 1) return { kind: 'empty' };
  if (f.size > MAX_CONSULTATION_ATTACHMENT_BYTES) return { kind: 'size' };
  return null;
}

/** Too many files, or the first file with a problem (its index). */
export function attachmentsProblem(files: readonly { size: number; mediaType: ConsultationMediaType | null }[]): { index: number | null; problem: AttachmentProblem } | null {
  if (files.length > MAX_CONSULTATION_ATTACHMENTS) return { index: null, problem: { kind: 'count', max: MAX_CONSULTATION_ATTACHMENTS } };
  for (const [index, f] of files.entries()) {
    const problem = attachmentProblem(f);
    if (problem) return { index, problem };
  }
  return null;
}

/** Bytes as base64, in slices (a 20 MB file would overflow the arguments of one String.fromCharCode call). */
export function bytesToBase64(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

/** The fields of the 申请会诊 form a 400 may name. */
export const CONSULTATION_FORM_FIELDS = ['residentId', 'consultantOrganizationId', 'consultantDepartment', 'urgency', 'question', 'attachments'] as const;
export type ConsultationFormField = (typeof CONSULTATION_FORM_FIELDS)[number];

/**
 * The server's field problems as form errors: a field of the form keeps its message; a problem of
 * one attachment (`attachments.3.size`, zod's `attachments.3.data`) lands on 附件 naming the file.
 * Problems of fields the form lacks (`orderId`) are left out: the caller shows them as a message.
 */
export function consultationFieldErrors(issues: readonly FieldIssue[], fileNames: readonly string[]): { name: ConsultationFormField; errors: string[] }[] {
  const out = new Map<ConsultationFormField, string[]>();
  for (const i of issues) {
    const field = CONSULTATION_FORM_FIELDS.find((f) => f === i.path[0]);
    if (!field) continue;
    const index = field === 'attachments' && i.path[1] !== undefined ? Number(i.path[1]) : NaN;
    const name = Number.isInteger(index) ? fileNames[index] : undefined;
    const message = name ? `${name}：${i.message}` : i.message;
    out.set(field, [...(out.get(field) ?? []), message]);
  }
  return [...out].map(([name, errors]) => ({ name, errors }));
}
