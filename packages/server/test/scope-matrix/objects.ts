import { randomUUID } from 'node:crypto';
import { synthStudyDicom } from '@yigong/synth';
import type { TestPlatform } from '../test-platform.ts';
import { validIdNumber } from '../factories/residents.ts';
import { PLACES, placeLocation, type Location, type Place, type PlaceName, type World } from './world.ts';

/** The kinds of object an id route names. */
export type ObjectKind = 'resident' | 'contract' | 'enrollment' | 'referral' | 'organization' | 'practitioner' | 'community'
  | 'resource' | 'booking' | 'pendingGrant' | 'breakGlassGrant' | 'catalogueEntry' | 'account'
  | 'policyYear' | 'settlement' | 'scenario'
  | 'diagnosticOrder' | 'acceptedOrder' | 'resultedOrder' | 'reportedOrder' | 'studyFile' | 'imagingOrder' | 'criticalValue'
  | 'consultation' | 'scheduledConsultation' | 'answeredConsultation' | 'consultationAttachment'
  | 'sterileBatch' | 'heldBatch' | 'sterileRequest' | 'deliveredPack';

/** A two-second 12-lead ECG at 100 Hz (the smallest the centre takes). */
export const MATRIX_ECG = { samplingRate: 100, leads: Object.fromEntries(['I', 'II', 'III', 'aVR', 'aVL', 'aVF', 'V1', 'V2', 'V3', 'V4', 'V5', 'V6'].map((l) => [l, Array.from({ length: 200 }, (_, i) => Math.round(800 * Math.exp(-(((i % 80) - 40) ** 2) / 8)))])) };

/** The year the matrix gives an insurance policy in every community (the community is the object). */
export const MATRIX_POLICY_YEAR = 2030;

export interface Target {
  id: string;
  at: Location;
  /** Other path parameters of the object (a study file's order). */
  params?: Record<string, string>;
}

/** The password of the accounts the matrix makes. */
const MATRIX_PASSWORD = 'Matrix-2026-scope';

/** A business date (Asia/Shanghai) `days` from now. */
export const inDays = (days: number) => new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
export const today = () => inDays(0);

/**
 * Objects of each kind in each place. Shared objects are made once; `fresh` ones anew for each
 * case, for routes that change or use up their object (a transfer, a terminated contract).
 */
export class Objects {
  private shared = new Map<string, Target | null>();
  private offsets = new Map<string, number>();
  private matrixAccounts = new Map<PlaceName, { id: string; username: string }>();
  private referrals = new Map<PlaceName, Target & { residentId: string }>();

  constructor(private p: TestPlatform, private w: World) {}

  async get(kind: ObjectKind, place: Place, fresh: boolean): Promise<Target | null> {
    if (fresh) return this.make(kind, place, true);
    const key = `${kind} ${place.name}`;
    if (!this.shared.has(key)) this.shared.set(key, await this.make(kind, place, false));
    return this.shared.get(key)!;
  }

  private next(key: string): number {
    const n = this.offsets.get(key) ?? 0;
    this.offsets.set(key, n + 1);
    return n;
  }

  async one(sql: string, params: unknown[]): Promise<string | null> {
    return (await this.p.ctx.db.query<{ id: string }>(sql, params)).rows[0]?.id ?? null;
  }

  private async post(username: string, url: string, body: unknown, method: 'POST' | 'PUT' = 'POST'): Promise<any> {
    const r = await this.p.call(method, url, await this.token(username), body);
    if (r.status >= 300) throw new Error(`fixture ${method} ${url} as ${username} → ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  }

  private tokens = new Map<string, string>();

  private async token(username: string): Promise<string> {
    if (!username.startsWith('matrix.')) return this.w.token(username);
    if (!this.tokens.has(username)) this.tokens.set(username, await this.p.login(username, MATRIX_PASSWORD));
    return this.tokens.get(username)!;
  }

  /** An active resident of the place's unit no other case has used (in order of id). */
  async resident(place: Place): Promise<string> {
    const id = await this.one(`select id from resident where community_id = $1 and organization_id = $2 and status = 'active'
      and not exists (select 1 from duplicate_candidate d where d.community_id = resident.community_id and (d.resident_a = resident.id or d.resident_b = resident.id))
      order by id offset $3 limit 1`, [place.communityId, place.orgId, this.next(`resident ${place.name}`)]);
    if (!id) throw new Error(`no resident left in ${place.name}`);
    return id;
  }

  /** An active resident of the place's unit, the same each time (for records that do not use a resident up). */
  async anyResident(place: Place): Promise<string> {
    const id = await this.one(`select id from resident where community_id = $1 and organization_id = $2 and status = 'active' order by id limit 1`, [place.communityId, place.orgId]);
    if (!id) throw new Error(`no resident in ${place.name}`);
    return id;
  }

  /** A village doctor account of the place's unit, made for the matrix (its sessions may be revoked freely). */
  async account(place: Place): Promise<{ id: string; username: string }> {
    const known = this.matrixAccounts.get(place.name);
    if (known) return known;
    const username = `matrix.${PLACES.indexOf(place.name)}`;
    const made = await this.post('admin', '/api/v1/accounts', { username, password: MATRIX_PASSWORD, displayName: `矩阵${place.name}`, role: 'village_doctor', scopeKind: 'organization', communityId: place.communityId, organizationId: place.orgId });
    const a = { id: made.id as string, username };
    this.matrixAccounts.set(place.name, a);
    return a;
  }

  /** An open slot of the community's lead hospital, a different one each time. */
  async slot(place: Place): Promise<string> {
    const id = await this.one(`select s.id from slot s join resource r on r.community_id = s.community_id and r.id = s.resource_id
      where s.community_id = $1 and r.organization_id = $2 and s.starts_at > $3 order by s.starts_at, s.id offset $4 limit 1`,
    [place.communityId, place.leadId, new Date(Date.now() + 2 * 86_400_000), this.next(`slot ${place.communityId}`)]);
    if (!id) throw new Error(`no slot in ${place.name}`);
    return id;
  }

  /** A referral between the place's unit and its lead hospital: down from the hospital in the first community, up from the unit in the other. */
  async referral(place: Place): Promise<Target & { residentId: string }> {
    const known = this.referrals.get(place.name);
    if (known) return known;
    const residentId = await this.resident(place);
    const down = place.name !== 'other community';
    const r = await this.post(down ? 'doctor.lead' : 'vdoc2', '/api/v1/referrals', {
      residentId, direction: down ? 'down' : 'up', toOrganizationId: down ? place.orgId : place.leadId, priority: 'routine',
      reason: down ? '病情稳定，下转基层随访' : '血压控制不满意，上转', diagnoses: [{ code: 'I10', primary: true }],
    });
    const t = { id: r.id as string, residentId, at: placeLocation(place, [place.orgId, place.leadId]) };
    this.referrals.set(place.name, t);
    return t;
  }

  private async make(kind: ObjectKind, place: Place, fresh: boolean): Promise<Target | null> {
    const here = placeLocation(place);
    const community = placeLocation(place, []);
    const suffix = fresh ? this.next(`${kind} ${place.name}`) : 0;
    switch (kind) {
      case 'resident':
        return { id: await this.resident(place), at: here };
      case 'contract':
      case 'enrollment': {
        const table = kind === 'contract' ? `fd_contract x` : `chronic_enrollment x`;
        const active = kind === 'contract' ? `and x.status = 'active'` : '';
        const id = await this.one(`select x.id from ${table} join resident r on r.community_id = x.community_id and r.id = x.resident_id
          where x.community_id = $1 and r.organization_id = $2 ${active} order by x.id offset $3 limit 1`, [place.communityId, place.orgId, suffix]);
        return id ? { id, at: here } : null;
      }
      case 'referral':
        return this.referral(place);
      case 'organization':
        return { id: place.orgId, at: here };
      case 'community':
        return { id: place.communityId, at: community };
      case 'practitioner': {
        const id = await this.one('select id from practitioner where community_id = $1 and organization_id = $2 order by id limit 1', [place.communityId, place.orgId]);
        return id ? { id, at: here } : null;
      }
      case 'resource': {
        const r = await this.post('admin', '/api/v1/resources', { communityId: place.communityId, organizationId: place.orgId, type: 'clinic', name: `矩阵诊室${suffix}` });
        return { id: r.id, at: here };
      }
      case 'booking': {
        const residentId = await this.resident(place);
        const b = await this.post(place.name === 'other community' ? 'vdoc2' : 'doctor.lead', '/api/v1/bookings', { id: randomUUID(), slotId: await this.slot(place), residentId, channel: 'public' });
        return { id: b.id, at: here };
      }
      case 'pendingGrant': {
        // Asked from the other community: pending until the resident's community decides.
        const g = await this.post(place.name === 'other community' ? 'vdoc' : 'vdoc2', '/api/v1/access-grants', { residentId: await this.resident(place), communityId: place.communityId, reason: '外院就诊需调阅既往病史', hours: 4 });
        if (g.status !== 'pending') throw new Error(`grant in ${place.name} is ${g.status}, not pending`);
        return { id: g.id, at: community };
      }
      case 'breakGlassGrant': {
        // Asked by a village doctor of another unit of the same community: active at once, reviewed later.
        const other = place.name === 'other community' ? await this.otherUnitAccount(place) : await this.account(this.w.places[place.name === 'other township' ? 'own unit' : 'other township']);
        const g = await this.post(other.username, '/api/v1/access-grants', { residentId: await this.resident(place), communityId: place.communityId, reason: '夜间急诊，需查既往史', hours: 2 });
        if (g.status !== 'active') throw new Error(`break-glass grant in ${place.name} is ${g.status}`);
        return { id: g.id, at: community };
      }
      case 'catalogueEntry': {
        const code = `K${String(10 + ((suffix * PLACES.length + PLACES.indexOf(place.name)) % 90))}`;
        const list = await this.post('admin', '/api/v1/referral-catalogue', { communityId: place.communityId, level: 'county', codeFrom: code, codeTo: code, rule: 'refer_up', note: '矩阵测试条目' }, 'PUT');
        const entry = (list.items as { id: string; codeFrom: string; level: string }[]).find((e) => e.codeFrom === code && e.level === 'county');
        return entry ? { id: entry.id, at: community } : null;
      }
      case 'account':
        return { id: (await this.account(place)).id, at: here };
      case 'policyYear': {
        await this.post(await this.communityManager(place), `/api/v1/insurance/policies/${place.communityId}/${MATRIX_POLICY_YEAR}`, { financing: 1_000_000_000, reason: '矩阵测试政策' }, 'PUT');
        return { id: place.communityId, at: community };
      }
      case 'settlement': {
        await this.get('policyYear', place, false);
        // Score 50 retains nothing (default retention table), so no member score is needed.
        const s = await this.post(await this.communityManager(place, 'prep'), '/api/v1/insurance/settlements', { communityId: place.communityId, year: MATRIX_POLICY_YEAR, score: 50 });
        return { id: s.id, at: community };
      }
      case 'diagnosticOrder':
        return this.diagnosticOrder(place, 'ordered');
      case 'acceptedOrder':
        return this.diagnosticOrder(place, 'accepted');
      case 'resultedOrder':
        return this.diagnosticOrder(place, 'resulted');
      case 'reportedOrder':
        return this.diagnosticOrder(place, 'reported');
      case 'studyFile': {
        const o = await this.diagnosticOrder(place, 'accepted', 'DR-CHEST');
        const study = synthStudyDicom({ kind: 'chest_dr', size: 32, seed: 5, studyDate: '20261201', patient: { name: 'Matrix^Test', id: 'MX1', sex: 'male', birthDate: '19600101' } });
        const boundary = 'matrixboundary';
        const payload = Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="m.dcm"\r\nContent-Type: application/dicom\r\n\r\n`), Buffer.from(study.bytes), Buffer.from(`\r\n--${boundary}--\r\n`)]);
        const r = await this.p.app.inject({ method: 'POST', url: `/api/v1/diagnostics/orders/${o.id}/results`, headers: { authorization: `Bearer ${await this.token(o.by)}`, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload });
        if (r.statusCode !== 200) throw new Error(`fixture DICOM upload → ${r.statusCode} ${r.body}`);
        return { id: (JSON.parse(r.body) as { files: { id: string }[] }).files[0]!.id, params: { id: o.id }, at: o.at };
      }
      case 'imagingOrder': {
        // The order of the place's study file (a DICOM study, as ImagingStudy resources show it).
        const f = (await this.get('studyFile', place, false))!;
        return { id: f.params!.id!, at: f.at };
      }
      case 'consultation':
        return this.consultation(place, 'requested');
      case 'scheduledConsultation':
        return this.consultation(place, 'scheduled');
      case 'answeredConsultation':
        return this.consultation(place, 'opinion_given');
      case 'consultationAttachment': {
        const c = await this.consultation(place, 'requested');
        return { id: c.attachmentId, params: { id: c.id }, at: c.at };
      }
      case 'sterileBatch':
        return this.sterileBatch(place, false);
      case 'heldBatch':
        return this.sterileBatch(place, true);
      case 'sterileRequest': {
        const r = await this.post(await this.diagnosticsDoctor(place), '/api/v1/sterile/requests', { id: randomUUID(), lines: [{ packType: 'DRESSING', quantity: 1 }] });
        return { id: r.id, at: placeLocation(place, [place.orgId, place.leadId]) };
      }
      case 'deliveredPack': {
        // Stock first, then the unit's request, delivered by the centre (first-expiry-first-out: any dressing pack of the shelf).
        await this.sterileBatch(place, false);
        const r = await this.post(await this.diagnosticsDoctor(place), '/api/v1/sterile/requests', { id: randomUUID(), lines: [{ packType: 'DRESSING', quantity: 1 }] });
        const d = await this.post(await this.sterileStaff(place), `/api/v1/sterile/requests/${r.id}/deliver`, {});
        return { id: d.picked[0].barcodes[0], at: placeLocation(place, [place.orgId, place.leadId]) };
      }
      case 'criticalValue': {
        const o = await this.diagnosticOrder(place, 'reported', 'ECG-12', true);
        const v = await this.one('select id from critical_value where community_id = $1 and order_id = $2', [place.communityId, o.id]);
        return v ? { id: v, at: here } : null;
      }
      case 'scenario': {
        await this.get('policyYear', place, false);
        const s = await this.post(await this.communityManager(place), '/api/v1/insurance/scenarios', { communityId: place.communityId, year: MATRIX_POLICY_YEAR, name: `矩阵情景${suffix}`, changes: { score: 50 } });
        return { id: s.id, at: community };
      }
    }
  }

  /**
   * A diagnostic order of the place's unit for one of its residents, read at the lead hospital's
   * centre, moved up to `upTo` by the unit's matrix doctor (it orders and sends the ECG) and the
   * community's matrix reader (quality check, report).
   */
  private async diagnosticOrder(place: Place, upTo: 'ordered' | 'accepted' | 'resulted' | 'reported', itemCode = 'ECG-12', critical = false): Promise<Target & { by: string; residentId: string }> {
    const by = await this.diagnosticsDoctor(place);
    const reader = await this.centreReader(place);
    const residentId = await this.resident(place);
    const o = await this.post(by, '/api/v1/diagnostics/orders', { id: randomUUID(), residentId, itemCode, priority: 'routine', reason: '矩阵测试', orderingOrganizationId: place.orgId, repeatReason: '矩阵测试复查' });
    const url = `/api/v1/diagnostics/orders/${o.id}`;
    if (upTo !== 'ordered') await this.post(reader, `${url}/accept`, {});
    if (upTo === 'resulted' || upTo === 'reported') await this.post(by, `${url}/results`, MATRIX_ECG);
    if (upTo === 'reported') await this.post(reader, `${url}/report`, { text: '窦性心律', conclusion: critical ? '急性心肌梗死' : '正常心电图', critical });
    return { id: o.id, by, residentId, at: placeLocation(place, [place.orgId, place.leadId]) };
  }

  /** A village doctor of the place's unit who orders and sends the matrix's studies (never revoked, unlike `account`). */
  private async diagnosticsDoctor(place: Place): Promise<string> {
    const username = `matrix.dx.${PLACES.indexOf(place.name)}`;
    if (!(await this.one('select id from app_user where username = $1', [username]))) {
      await this.post('admin', '/api/v1/accounts', { username, password: MATRIX_PASSWORD, displayName: `矩阵开单${place.name}`, role: 'village_doctor', scopeKind: 'organization', communityId: place.communityId, organizationId: place.orgId });
    }
    return username;
  }

  /** A remote consultation the place's unit asks its lead hospital for (with one PDF), moved up to `upTo` by the hospital's matrix reader. */
  private async consultation(place: Place, upTo: 'requested' | 'scheduled' | 'opinion_given'): Promise<Target & { attachmentId: string }> {
    const by = await this.diagnosticsDoctor(place);
    const reader = await this.centreReader(place);
    const c = await this.post(by, '/api/v1/consultations', {
      id: randomUUID(), residentId: await this.anyResident(place), consultantOrganizationId: place.leadId, urgency: 'routine', question: '矩阵测试：请协助判断是否需要上转',
      attachments: [{ name: '矩阵.pdf', mediaType: 'application/pdf', data: Buffer.from('%PDF-1.4 matrix').toString('base64') }],
    });
    if (upTo !== 'requested') await this.post(reader, `/api/v1/consultations/${c.id}/schedule`, { scheduledAt: new Date(Date.now() + 86_400_000).toISOString() });
    if (upTo === 'opinion_given') await this.post(reader, `/api/v1/consultations/${c.id}/opinion`, { opinion: '矩阵测试意见：建议继续基层随访观察。' });
    return { id: c.id, attachmentId: c.attachments[0].id, at: placeLocation(place, [place.orgId, place.leadId]) };
  }

  /**
   * A sterilisation batch of the place's community's centre (docs/domain/sterile-supply.md): a
   * steam load released at once, or (`held`) an implant load on plasma waiting for its indicator.
   * Where the centre is: the lead hospital.
   */
  private async sterileBatch(place: Place, held: boolean): Promise<Target> {
    // A pack's barcode names the day and the batch of that day at its centre: unique in a community,
    // not across communities. Each community's matrix loads run on a day of their own, long before
    // the demo month, so a barcode of the other community is not one of the caller's.
    const now = Date.now() - (place.name === 'other community' ? 101 : 100) * 86_400_000;
    const cycle = { sterilizerCode: held ? 'MX-PL' : 'MX-ST', cycleNo: 1 + this.next(`sterile cycle ${place.communityId} ${held}`), startedAt: new Date(now - 70 * 60_000).toISOString(), endedAt: new Date(now - 20 * 60_000).toISOString(), chemicalPass: true, biologicalPass: null };
    const b = await this.post(await this.sterileStaff(place), '/api/v1/sterile/batches', held
      ? { ...cycle, id: randomUUID(), method: 'low_temp_plasma', temperatureC: 50, exposureMinutes: 28, bowieDickPass: null, implants: true, packs: [{ packType: 'LAPAROSCOPY', quantity: 1 }] }
      : { ...cycle, id: randomUUID(), method: 'pressure_steam', steamCycleType: 'pre_vacuum', temperatureC: 134, exposureMinutes: 5, pressureKpa: 210, bowieDickPass: true, implants: false, packs: [{ packType: 'DRESSING', quantity: 2 }] });
    return { id: b.id, at: placeLocation(place, [place.leadId]) };
  }

  /** A nurse of the place's community's sterile supply centre (a clinician at the lead hospital), made for the matrix. */
  private async sterileStaff(place: Place): Promise<string> {
    const username = `matrix.cssd.${place.communityId.slice(0, 8)}`;
    if (!(await this.one('select id from app_user where username = $1', [username]))) {
      await this.post('admin', '/api/v1/accounts', { username, password: MATRIX_PASSWORD, displayName: '矩阵供应室', role: 'clinician', scopeKind: 'organization', communityId: place.communityId, organizationId: place.leadId });
    }
    return username;
  }

  /** A reading doctor of the place's lead hospital, made for the matrix. */
  private async centreReader(place: Place): Promise<string> {
    const username = `matrix.reader.${place.communityId.slice(0, 8)}`;
    if (!(await this.one('select id from app_user where username = $1', [username]))) {
      await this.post('admin', '/api/v1/accounts', { username, password: MATRIX_PASSWORD, displayName: '矩阵阅片医师', role: 'reader', scopeKind: 'organization', communityId: place.communityId, organizationId: place.leadId });
    }
    return username;
  }

  /**
   * A manager account of the place's community (the second community has none in the demo); a
   * second one (`prep`) prepares settlements, so the demo manager may confirm them.
   */
  private async communityManager(place: Place, which = 'mgr'): Promise<string> {
    const username = `matrix.${which}.${place.communityId.slice(0, 8)}`;
    if (!(await this.one('select id from app_user where username = $1', [username]))) {
      await this.post('admin', '/api/v1/accounts', { username, password: MATRIX_PASSWORD, displayName: '矩阵医共体办', role: 'manager', scopeKind: 'community', communityId: place.communityId });
    }
    return username;
  }

  /** A village doctor account at another grassroots unit of the other community. */
  private async otherUnitAccount(place: Place): Promise<{ username: string }> {
    const username = 'matrix.other';
    const exists = await this.one('select id from app_user where username = $1', [username]);
    if (!exists) {
      const orgId = await this.one(`select o.id from organization o where o.community_id = $1 and o.id <> $2 and o.parent_id is not null
        and exists (select 1 from resident r where r.community_id = o.community_id and r.organization_id = o.id) order by o.id limit 1`, [place.communityId, place.orgId]);
      await this.post('admin', '/api/v1/accounts', { username, password: MATRIX_PASSWORD, displayName: '矩阵他村', role: 'village_doctor', scopeKind: 'organization', communityId: place.communityId, organizationId: orgId });
    }
    return { username };
  }

  /** A fresh ID number for a resident created by a case. */
  idNumber(): string {
    return validIdNumber('19660512', '330521');
  }
}
