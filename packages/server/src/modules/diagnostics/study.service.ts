import { DomainError, type Actor } from '@yigong/domain';
import type { AppContext } from '../../platform/context.ts';
import * as results from './result.repository.ts';
import { requireOrder } from './order-access.ts';
import { firstFrame } from './dicom.ts';

/** The ECG samples of an order (12 leads at the sampling rate) for the viewer. */
export async function ecgWaveform(ctx: AppContext, actor: Actor, id: string): Promise<{ samplingRate: number; leads: Record<string, number[]> }> {
  const o = await requireOrder(ctx.db, actor, id);
  const w = await results.waveform(ctx.db, o.community_id, o.id);
  if (!w) throw new DomainError('NOT_FOUND', '该检查单没有心电波形');
  return { samplingRate: w.sampling_rate, leads: w.leads };
}

/** A stored study file, bytes as received. */
export async function studyFile(ctx: AppContext, actor: Actor, id: string, fileId: string): Promise<{ id: string; kind: 'dicom' | 'image'; mediaType: string; content: Uint8Array }> {
  const o = await requireOrder(ctx.db, actor, id);
  const f = await results.fileContent(ctx.db, o.community_id, o.id, fileId);
  if (!f) throw new DomainError('NOT_FOUND', '文件不存在');
  return { id: f.id, kind: f.kind, mediaType: f.media_type, content: f.content };
}

/** The first frame of a DICOM file, windowed to 8 bits (base64) for a canvas. */
export async function studyFrame(ctx: AppContext, actor: Actor, id: string, fileId: string): Promise<{ rows: number; columns: number; pixels: string }> {
  const f = await studyFile(ctx, actor, id, fileId);
  if (f.kind !== 'dicom') throw new DomainError('VALIDATION_FAILED', '该文件不是 DICOM 文件', { field: 'fileId' });
  const frame = firstFrame(f.content);
  return { rows: frame.rows, columns: frame.columns, pixels: Buffer.from(frame.pixels).toString('base64') };
}
