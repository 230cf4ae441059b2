import { createSampler, type Rng } from './prng.ts';

/**
 * Chinese surnames with their approximate share (‰) of the population, after the Ministry of
 * Public Security's household-registration ranking (公安部户政管理研究中心《二〇二〇年全国姓名报告》
 * top five: 王 李 张 刘 陈) and the common "百家姓" frequency tables for the rest.
 */
const SURNAMES: readonly (readonly [string, number])[] = [
  ['王', 71], ['李', 70], ['张', 67], ['刘', 54], ['陈', 46], ['杨', 31], ['黄', 24], ['赵', 20], ['吴', 20],
  ['周', 19], ['徐', 17], ['孙', 15], ['马', 15], ['朱', 14], ['胡', 13], ['郭', 12], ['何', 12], ['高', 12],
  ['林', 12], ['罗', 11], ['郑', 11], ['梁', 10], ['谢', 9], ['宋', 8], ['唐', 8], ['许', 8], ['韩', 7], ['冯', 7],
  ['邓', 7], ['曹', 7], ['彭', 7], ['曾', 6], ['肖', 6], ['田', 6], ['董', 6], ['袁', 5], ['潘', 5], ['于', 5],
  ['蒋', 5], ['蔡', 5], ['余', 5], ['杜', 5], ['叶', 5], ['程', 5], ['苏', 4], ['魏', 5], ['吕', 4], ['丁', 4],
  ['任', 4], ['沈', 4], ['姚', 4], ['卢', 4], ['姜', 4], ['崔', 4], ['钟', 4], ['谭', 4], ['陆', 4], ['汪', 3],
  ['范', 3], ['金', 3], ['石', 3], ['廖', 3], ['贾', 3], ['夏', 3], ['韦', 3], ['付', 3], ['方', 3], ['白', 3],
  ['邹', 3], ['孟', 3], ['熊', 3], ['秦', 3], ['邱', 3], ['江', 3], ['尹', 3], ['薛', 2], ['闫', 2], ['段', 2],
  ['雷', 2], ['侯', 2], ['龙', 2], ['史', 2], ['陶', 2], ['黎', 2], ['贺', 2], ['顾', 2], ['毛', 2], ['郝', 2],
  ['龚', 2], ['邵', 2], ['万', 2], ['钱', 2], ['严', 2], ['覃', 1], ['武', 2], ['戴', 2], ['莫', 1], ['孔', 1],
  ['向', 1], ['汤', 1], ['常', 1], ['康', 1], ['施', 1], ['洪', 1], ['欧阳', 0.5], ['上官', 0.1], ['诸葛', 0.1],
];
const drawSurnameIndex = createSampler(SURNAMES.map(([, w]) => w));

/** A surname drawn by national frequency. */
export function drawSurname(rng: Rng): string {
  return SURNAMES[drawSurnameIndex(rng)]![0];
}

interface EraNames {
  /** Whole given names typical of the era. */
  whole: readonly string[];
  /** Characters for the first and second position of composed two-character names. */
  first: string;
  second: string;
  /** Single-character given names. */
  single: string;
}

/** Given names by birth cohort and sex: naming fashions changed sharply across the decades. */
const ERAS: readonly { until: number; male: EraNames; female: EraNames }[] = [
  {
    until: 1959,
    male: { whole: ['建国', '国庆', '德明', '福生', '根生', '金福', '永福', '长生', '玉山', '树林', '宝山', '荣华', '水根', '德胜', '保国'],
      first: '德福金永长玉树宝荣水保国顺明', second: '生福明山林华根贵荣发才祥胜', single: '福贵财林山明华忠海田' },
    female: { whole: ['秀英', '桂英', '秀兰', '玉兰', '桂兰', '凤英', '玉珍', '秀珍', '淑珍', '素珍', '翠花', '金凤', '月英', '玉梅', '桂芳', '兰英', '彩凤'],
      first: '秀桂玉凤淑素翠金月兰彩美', second: '英兰珍芳凤梅花娥香琴', single: '英兰珍芳凤梅娥' },
  },
  {
    until: 1979,
    male: { whole: ['建军', '卫东', '红军', '志刚', '建平', '国强', '立新', '永刚', '卫国', '建华', '志伟', '新民', '小平', '跃进'],
      first: '建卫志国立永新红小跃文海', second: '军东刚平强新华伟民国明忠', single: '勇军伟强斌平刚杰华明' },
    female: { whole: ['丽华', '红梅', '秀梅', '建英', '桂香', '卫红', '红霞', '丽萍', '海燕', '春燕', '美华', '晓红'],
      first: '丽红秀建桂卫海春美晓爱', second: '华梅英香红霞萍燕芳琴玲', single: '丽红霞燕萍敏静玲芳艳娟' },
  },
  {
    until: 1999,
    male: { whole: ['俊杰', '志伟', '海涛', '建伟', '文博', '晓峰', '鹏飞', '伟杰', '振宇', '家伟', '明辉', '少华'],
      first: '俊志海建文晓鹏伟振家明少云', second: '杰伟涛博峰飞宇辉华军斌亮', single: '磊伟涛超鹏杰浩强明亮宇帅' },
    female: { whole: ['丽娟', '晓燕', '婷婷', '晓丽', '佳丽', '雪梅', '慧敏', '静怡', '晓婷', '燕萍', '丹丹'],
      first: '丽晓婷佳雪慧静燕丹春秋', second: '娟燕婷丽梅敏怡萍丹琳颖', single: '婷丹静雪琳倩颖欣佳莉洁慧璐' },
  },
  {
    until: 2009,
    male: { whole: ['子豪', '浩然', '俊杰', '宇航', '嘉豪', '博文', '天宇', '家乐', '宇航', '思远', '俊豪'],
      first: '子浩俊宇嘉博天家思志文', second: '豪然杰航乐文宇远轩辰阳', single: '浩宇杰晨鑫鹏博凯' },
    female: { whole: ['欣怡', '雨涵', '佳怡', '思琪', '梦瑶', '雨婷', '诗琪', '紫涵', '晓雪', '佳琪'],
      first: '欣雨佳思梦诗紫晓嘉一', second: '怡涵琪瑶婷雪妍萱彤', single: '婷悦雪妍琪萱彤' },
  },
  {
    until: 9999,
    male: { whole: ['子轩', '浩宇', '宇轩', '梓轩', '沐阳', '一诺', '宇泽', '俊熙', '奕辰', '子墨', '铭泽', '皓轩'],
      first: '子浩宇梓沐俊奕铭皓睿泽', second: '轩宇泽熙辰墨阳航睿', single: '睿轩泽辰' },
    female: { whole: ['梓涵', '一诺', '子涵', '语桐', '可馨', '诗涵', '梓萱', '沐晴', '依诺', '若汐', '语汐', '思涵'],
      first: '梓一子语可诗沐依若思欣', second: '涵诺桐馨萱晴汐琪悦冉', single: '悦涵萱冉' },
  },
];

function charAt(rng: Rng, chars: string): string {
  return chars[Math.floor(rng.next() * chars.length)]!;
}

/** A given name fitting the person's sex and birth year. */
export function drawGivenName(rng: Rng, sex: 'male' | 'female', birthYear: number): string {
  const era = ERAS.find((e) => birthYear <= e.until) ?? ERAS[ERAS.length - 1]!;
  const pool = sex === 'male' ? era.male : era.female;
  const r = rng.next();
  if (r < 0.3) return rng.pick(pool.whole);
  if (r < 0.8) {
    const a = charAt(rng, pool.first);
    let b = charAt(rng, pool.second);
    if (b === a) b = charAt(rng, pool.second);
    return a + b;
  }
  return charAt(rng, pool.single);
}
