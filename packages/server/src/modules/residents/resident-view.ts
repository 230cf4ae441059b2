import { ageOn, deriveKeyPopulationTags, maskIdNumber, seesFullIdNumbers, type Actor } from '@yigong/domain';
import type { ResidentListItem } from '@yigong/contracts';
import type { IdNumberCipher } from '../../platform/crypto/id-number-cipher.ts';
import type { ResidentRow } from './residents.repository.ts';

/**
 * A resident as a list item. The ID number is masked (region + ********+ last four, shown from
 * the clear columns without decrypting) unless the actor's role needs the full number.
 */
export function toListItem(r: ResidentRow, actor: Actor, cipher: IdNumberCipher, today: string): ResidentListItem {
  const item: ResidentListItem = {
    id: r.id,
    name: r.name,
    sex: r.sex,
    birthDate: r.birth_date,
    age: ageOn(r.birth_date, today),
    idNumberMasked: maskIdNumber(`${r.id_region}${'0'.repeat(8)}${r.id_tail}`),
    phone: r.phone,
    communityId: r.community_id,
    organizationId: r.organization_id,
    organizationName: r.organization_name,
    keyPopulations: deriveKeyPopulationTags({ birthDate: r.birth_date, problemCodes: r.problem_codes ?? [], flags: r.flags }, today),
  };
  if (seesFullIdNumbers(actor)) item.idNumber = cipher.decrypt(r.id_number_enc);
  return item;
}
