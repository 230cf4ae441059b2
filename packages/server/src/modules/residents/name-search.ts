import { pinyin } from 'pinyin-pro';

/**
 * Search keys for a Chinese name: full pinyin without tones (`zhangsan`) and initials (`zs`),
 * so a village doctor can type `zs` or `zhang` to find 张三. Polyphonic surnames use the
 * surname reading (`surname: 'head'`: 单 → shan).
 */
export function nameSearchKeys(name: string): { pinyin: string; initials: string } {
  const syllables = pinyin(name, { toneType: 'none', type: 'array', surname: 'head', nonZh: 'consecutive' });
  const clean = syllables.map((s) => s.toLowerCase().replace(/[^a-z0-9]/g, '')).filter(Boolean);
  return { pinyin: clean.join(''), initials: clean.map((s) => s[0]).join('') };
}
