import { createHash, randomUUID } from 'node:crypto';
import { DomainError, ECG_LEADS, heartRate, interpret, validateEcg, validateObservations, type Actor } from '@yigong/domain';
import type { OrderDetailView, ResultsRequest } from '@yigong/contracts';
import type { AppContext } from '../../platform/context.ts';
import * as results from './result.repository.ts';
import { act, resultedFields } from './order-transition.service.ts';
import { raiseCritical } from './critical-value.service.ts';
import { readDicom } from './dicom.ts';

const FLAG_NAMES: Record<string, string> = { LL: '危急偏低', HH: '危急偏高' };

/**
 * Lab or ECG results (Contract: `{observations}` or `{samplingRate, leads}`) for an accepted
 * order of that modality. The domain checks the values and names the field; a lab value beyond
 * its critical limits raises a critical value for the ordering doctor at once
 * (docs/domain/diagnostics.md "Lab results", "ECG", "Critical values").
 */
export function recordResults(ctx: AppContext, actor: Actor, id: string, input: ResultsRequest): Promise<OrderDetailView> {
  const isLab = 'observations' in input;
  return act(ctx, actor, id, 'result', {}, isLab ? `检验结果 ${input.observations.length} 项` : '心电图数据', async (s) => {
    if (isLab) {
      if (s.order.modality !== 'lab') throw new DomainError('VALIDATION_FAILED', '该检查单不是检验项目，不能上传检验结果', { field: 'observations' });
      validateObservations(input.observations);
      const rows = input.observations.map((b) => {
        const flag = interpret(b);
        return {
          code: b.code, name: b.name ?? null, value_num: typeof b.value === 'number' ? b.value : null, value_text: typeof b.value === 'string' ? b.value : null,
          unit: b.unit ?? null, low: b.low ?? null, high: b.high ?? null, critical_low: b.criticalLow ?? null, critical_high: b.criticalHigh ?? null, flag,
        };
      });
      await results.replaceObservations(s.tx, s.order.community_id, s.order.id, rows, s.now);
      const critical = rows.filter((r) => r.flag === 'LL' || r.flag === 'HH');
      if (critical.length > 0) {
        const summary = critical.map((r) => `${r.name ?? r.code} ${r.value_num ?? r.value_text}${r.unit ? ` ${r.unit}` : ''}（${FLAG_NAMES[r.flag!]}）`).join('；');
        const signal = await raiseCritical(s.tx, s.order, 'result', summary, s.now);
        if (signal) s.signals.push(signal);
        return { ...(await resultedFields(s)), critical: true };
      }
      return resultedFields(s);
    }
    if (s.order.modality !== 'ecg') throw new DomainError('VALIDATION_FAILED', '该检查单不是心电图项目，不能上传心电波形', { field: 'leads' });
    validateEcg(input);
    const leads = input.leads;
    const rhythm = leads.II ?? leads[ECG_LEADS.find((l) => leads[l]) ?? ''] ?? [];
    const samples = rhythm.length;
    await results.upsertWaveform(s.tx, s.order.community_id, s.order.id, { samplingRate: input.samplingRate, leads, samples, heartRate: heartRate(rhythm, input.samplingRate) }, s.now);
    return resultedFields(s);
  }, { illegalAs400: true });
}

export interface UploadedFile {
  filename: string;
  mediaType: string;
  bytes: Uint8Array;
}

const IMAGE_TYPES = new Set(['image/png', 'image/jpeg']);
const HAN = /\p{Script=Han}/u;

/**
 * A study of another patient must not land on this order (docs/domain/diagnostics.md "Orders"):
 * a Chinese PatientName (0010,0010) that differs from the resident's name is refused. A name in
 * pinyin or none at all cannot be compared and passes; the reader sees the tags beside the record.
 */
function checkPatient(patientName: string | undefined, residentName: string, field: string): void {
  const name = patientName?.replace(/\s+/g, '');
  if (name && HAN.test(name) && name !== residentName.replace(/\s+/g, '')) {
    throw new DomainError('VALIDATION_FAILED', `影像文件的患者姓名（${name}）与申请单居民（${residentName}）不符`, { field });
  }
}

/**
 * Study files (Contract: imaging as multipart DICOM): each DICOM file is parsed, its patient and
 * study tags stored beside the bytes; pathology may also send PNG/JPEG images. A file that is not
 * DICOM (nor an image for pathology) is a 400 naming it, and nothing of the upload is stored.
 */
export function recordStudyFiles(ctx: AppContext, actor: Actor, id: string, files: readonly UploadedFile[]): Promise<OrderDetailView> {
  if (files.length === 0) throw new DomainError('VALIDATION_FAILED', '请上传至少一个 DICOM 文件', { field: 'file' });
  return act(ctx, actor, id, 'result', {}, `影像文件 ${files.length} 个`, async (s) => {
    if (s.order.modality !== 'imaging' && s.order.modality !== 'pathology') throw new DomainError('VALIDATION_FAILED', '该检查单不接收影像文件', { field: 'file' });
    for (const [i, f] of files.entries()) {
      const image = s.order.modality === 'pathology' && IMAGE_TYPES.has(f.mediaType);
      const tags = image ? {} : readDicom(f.bytes, `file[${i}]`).tags;
      checkPatient(tags.PatientName, s.order.resident_name, `file[${i}]`);
      await results.insertFile(s.tx, {
        communityId: s.order.community_id, id: randomUUID(), orderId: s.order.id, kind: image ? 'image' : 'dicom', mediaType: image ? f.mediaType : 'application/dicom',
        name: f.filename.slice(0, 200), sha256: createHash('sha256').update(f.bytes).digest('hex'), tags, content: f.bytes, at: s.now,
      });
    }
    return resultedFields(s);
  }, { illegalAs400: true });
}
