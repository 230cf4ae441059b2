import type { WrapMaterial } from './packs.ts';

/** A pack type of the centre's catalogue (灭菌包目录). */
export interface SterilePackType {
  code: string;
  name: string;
  wrap: WrapMaterial;
  /** What the pack holds, as the packing list prints it. */
  contents: string;
  /** Reprocessing charge to the member, fen (0: not charged). */
  priceFen: number;
}

/**
 * The catalogue a new community starts from (docs/domain/sterile-supply.md "Pack catalogue"):
 * the packs a township centre and a village clinic use day to day, and the lead hospital's
 * instrument sets. A community edits its own; wraps set the shelf life (shelfLifeDays).
 */
export const DEFAULT_PACK_CATALOGUE: readonly SterilePackType[] = [
  { code: 'DRESSING', name: '换药包', wrap: 'non_woven', contents: '弯盘 2、镊子 2、棉球 10、纱布 4', priceFen: 800 },
  { code: 'SUTURE', name: '缝合包', wrap: 'non_woven', contents: '持针器 1、组织镊 2、线剪 1、弯盘 1、洞巾 1、纱布 6', priceFen: 1500 },
  { code: 'DEBRIDE', name: '清创包', wrap: 'non_woven', contents: '刀柄 1、组织剪 1、止血钳 2、镊子 2、弯盘 1、纱布 10', priceFen: 1800 },
  { code: 'CATHETER', name: '导尿包', wrap: 'paper_plastic_pouch', contents: '弯盘 1、止血钳 1、镊子 1、棉球 6、洞巾 1', priceFen: 600 },
  { code: 'GYN-EXAM', name: '妇科检查包', wrap: 'cotton', contents: '窥阴器 1、宫颈钳 1、卵圆钳 1、弯盘 1、棉签 5', priceFen: 900 },
  { code: 'DELIVERY', name: '产包', wrap: 'cotton', contents: '脐带剪 1、止血钳 2、侧切剪 1、持针器 1、产单 1、治疗巾 4', priceFen: 3500 },
  { code: 'DENTAL', name: '口腔器械包', wrap: 'paper_plastic_pouch', contents: '口镜 1、探针 1、镊子 1', priceFen: 500 },
  { code: 'TRACHEOTOMY', name: '气管切开包', wrap: 'rigid_container', contents: '气管切开器械一套（23 件）', priceFen: 6000 },
  { code: 'LAPAROSCOPY', name: '腹腔镜器械', wrap: 'rigid_container', contents: '腹腔镜手术器械一套（含植入物夹钳）', priceFen: 12000 },
  { code: 'GOWN', name: '手术衣包', wrap: 'cotton', contents: '手术衣 4、治疗巾 4', priceFen: 1200 },
];
