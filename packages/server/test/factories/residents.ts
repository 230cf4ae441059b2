import { idNumberCheckChar } from '@yigong/domain';
import type { TestPlatform } from '../test-platform.ts';

let seq = 100;

/** A valid GB 11643 number in 德清县 (or `region`), unique within the test run. */
export function validIdNumber(birth = '19580317', region = '330521', sequence = seq++ % 1000): string {
  const body = `${region}${birth}${String(sequence).padStart(3, '0')}`;
  return body + idNumberCheckChar(body);
}

/** The two demo communities and the anchors the demo accounts sit on. */
export async function demoWorld(p: TestPlatform) {
  const admin = await p.login('admin');
  const communities = (await p.call('GET', '/api/v1/communities', admin)).body.items as { id: string; name: string; regionCode: string }[];
  const first = communities.find((c) => c.regionCode === '330521')!;
  const second = communities.find((c) => c.regionCode === '330523')!;
  const vdoc = await p.login('vdoc');
  const me = (await p.call('GET', '/api/v1/auth/me', vdoc)).body;
  const vdoc2 = (await p.call('GET', '/api/v1/auth/me', await p.login('vdoc2'))).body;
  const town = (await p.call('GET', '/api/v1/auth/me', await p.login('doctor.town'))).body;
  return { first, second, villageId: me.organizationId as string, secondVillageId: vdoc2.organizationId as string, townshipId: town.organizationId as string };
}

export function residentBody(communityId: string, organizationId: string, over: Record<string, unknown> = {}) {
  return { idNumber: validIdNumber(), name: '钱有存', phone: '13800138000', address: '德清县武康街道', communityId, organizationId, ...over };
}
