import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { DomainError } from '@yigong/domain';
import type { ReferralView } from '@yigong/contracts';

/** CJK fonts the slip can use, first found wins (Debian's fonts-noto-cjk, then WenQuanYi). */
const FONT_CANDIDATES: readonly [path: string, family?: string][] = [
  ['/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', 'NotoSansCJKsc-Regular'],
  ['/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', 'WenQuanYi Micro Hei'],
  ['/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', 'WenQuanYi Zen Hei'],
];

function cjkFont(): [string, string | undefined] {
  const override = process.env.YIGONG_PDF_FONT;
  if (override && existsSync(override)) return [override, process.env.YIGONG_PDF_FONT_FAMILY];
  const found = FONT_CANDIDATES.find(([p]) => existsSync(p));
  if (!found) throw new DomainError('SERVICE_UNAVAILABLE', '服务器缺少中文字体，无法生成 PDF（请安装 fonts-noto-cjk 或设置 YIGONG_PDF_FONT）；可使用网页打印');
  return [found[0], found[1]];
}

const DIRECTION: Record<string, string> = { up: '上转', down: '下转', out: '县外转诊' };
const PRIORITY: Record<string, string> = { routine: '普通', urgent: '急诊', green_channel: '绿色通道' };

/** The referral slip (转诊单) as an A4 PDF: the 转出单 fields of docs/domain/referral.md and the pickup code. */
export function renderReferralSlip(r: ReferralView, resident: { idNumberMasked: string; sex: string; age: number }): Promise<Buffer> {
  const [fontPath, family] = cjkFont();
  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: `转诊单 ${r.pickupCode}`, Creator: 'Yigong 医共' } });
  doc.registerFont('cjk', fontPath, family);
  doc.font('cjk');
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  doc.fontSize(18).text(`双向转诊单（${r.direction === 'down' ? '回转单' : '转出单'}）`, { align: 'center' });
  doc.moveDown(0.3).fontSize(10).fillColor('#555').text(`${r.fromOrganizationName} → ${r.externalHospital ?? r.toOrganizationName}`, { align: 'center' }).fillColor('#000');
  doc.moveDown(0.8).fontSize(26).text(`取号码 ${r.pickupCode}`, { align: 'center', characterSpacing: 2 });
  doc.moveDown(0.8).fontSize(11);
  const row = (label: string, value: string | null | undefined) => doc.text(`${label}：${value && value.trim() ? value : '—'}`, { paragraphGap: 4 });
  row('患者', `${r.residentName}\u3000${resident.sex === 'male' ? '男' : '女'}\u3000${resident.age}岁\u3000身份证 ${resident.idNumberMasked}`);
  row('转诊方向', `${DIRECTION[r.direction] ?? r.direction}\u3000优先级：${PRIORITY[r.priority] ?? r.priority}`);
  row('转出机构', r.fromOrganizationName);
  row('接收机构', `${r.externalHospital ? `${r.externalHospital}（经 ${r.toOrganizationName} 转诊办审批）` : r.toOrganizationName}${r.toDepartmentName ? ` · ${r.toDepartmentName}` : ''}`);
  if (r.slotStartsAt) row('预约就诊时间', new Date(Date.parse(r.slotStartsAt) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' '));
  row('初步诊断', r.diagnoses.map((d) => `${d.code} ${d.name ?? ''}${d.primary ? '（主要）' : ''}`).join('；'));
  row('目录判定', r.catalogueCheck.rule ? `${{ refer_up: '须上转', may_treat: '可基层诊治', down_when_stable: '稳定后下转' }[r.catalogueCheck.rule]}（${r.catalogueCheck.range}）` : '目录外');
  row('转诊原因（现病史）', r.reason);
  row('既往史', r.pastHistory);
  row('已做治疗', r.treatment);
  if (r.outcome) row('回转意见', [r.outcome.diagnosis, r.outcome.keyResults, r.outcome.treatment, r.outcome.plan, r.outcome.rehabilitation].filter(Boolean).join('；'));
  row('转诊医生', r.senderName);
  row('开单日期', new Date(Date.parse(r.createdAt) + 8 * 3_600_000).toISOString().slice(0, 10));
  doc.moveDown(2).text('转诊医生签名：____________\u3000\u3000\u3000接收医生签名：____________\u3000\u3000\u3000日期：____________');
  doc.moveDown(1).fontSize(8).fillColor('#777').text('凭取号码到接收机构转诊服务台办理；预留号源未按时使用将释放。本单由医共平台生成。');
  doc.end();
  return done;
}
