import type { Database } from '../../src/platform/db/database.ts';

/** Names in paths and fields that do not spell their table. */
const ALIASES: Record<string, string> = {
  account: 'app_user', actor: 'app_user', user: 'app_user', servicerequest: 'referral', based_on: 'referral',
  break_glass: 'access_grant', parent_referral: 'referral', to_organization: 'organization', from_organization: 'organization',
};

/**
 * Up to `perTable` ids of every public table keyed by a uuid `id`, in a stable order: half of them
 * from the units and communities of the `accounts` (so a case can reach a handler rather than
 * stop at a scope check), half from anywhere.
 */
export async function loadIdPool(db: Database, accounts: readonly string[], perTable = 12): Promise<Map<string, string[]>> {
  const { rows } = await db.query<{ table_name: string; scoped_by: string | null }>(
    `select c.table_name, (select min(s.column_name) from information_schema.columns s where s.table_schema = 'public' and s.table_name = c.table_name
        and s.column_name in ('organization_id', 'community_id')) as scoped_by
       from information_schema.columns c join information_schema.tables t using (table_schema, table_name)
      where c.table_schema = 'public' and t.table_type = 'BASE TABLE' and c.column_name = 'id' and c.data_type = 'uuid' order by 1`);
  const anchors = (await db.query<{ organization_id: string | null; community_id: string | null }>(
    'select organization_id::text, community_id::text from app_user where username = any($1)', [accounts])).rows;
  const orgs = anchors.flatMap((a) => (a.organization_id ? [a.organization_id] : []));
  const communities = anchors.flatMap((a) => (a.community_id ? [a.community_id] : []));
  const half = Math.ceil(perTable / 2);
  const pool = new Map<string, string[]>();
  for (const { table_name: t, scoped_by: by } of rows) {
    const [near, anchorIds] = t === 'organization' ? ['id', orgs] : by === 'organization_id' ? ['organization_id', orgs] : by === 'community_id' ? ['community_id', communities] : ['id', []];
    const ids = (await db.query<{ id: string }>(
      `(select id::text as id from "${t}" where ${near} = any($1::uuid[]) order by id limit ${half}) union (select id::text from "${t}" order by id limit ${perTable - half})`,
      [anchorIds])).rows.map((r) => r.id).sort();
    if (ids.length > 0) pool.set(t, ids);
  }
  return pool;
}

function snake(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/-/g, '_').toLowerCase();
}

function singular(word: string): string {
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.endsWith('ss')) return word;
  return word.endsWith('s') ? word.slice(0, -1) : word;
}

/**
 * The table a field or path segment names: `residentId` → resident, `referrals` → referral,
 * `teamId` → fd_team, `access-grants` → access_grant; null when none matches.
 */
export function tableNamed(name: string, tables: readonly string[]): string | null {
  const base = singular(snake(name).replace(/_ids?$/, ''));
  const words = base.split('_');
  for (let i = 0; i < words.length; i++) {
    const tail = words.slice(i).join('_');
    if (ALIASES[tail]) return ALIASES[tail];
    if (tables.includes(tail)) return tail;
    const suffixed = tables.filter((t) => t.endsWith(`_${tail}`)).sort((a, b) => a.length - b.length);
    if (suffixed[0]) return suffixed[0];
  }
  return null;
}

/** The name a path parameter stands for: `{id}` after `/referrals/` is a referral id. */
export function pathParamName(path: string, param: string): string {
  const segments = path.split('/');
  const at = segments.indexOf(`{${param}}`);
  return param === 'id' && at > 0 ? (segments[at - 1] ?? param) : param;
}

/** The real ids a field may take: the table it names, else every table's. */
export function idsFor(pool: Map<string, string[]>): (name: string) => readonly string[] {
  const tables = [...pool.keys()];
  const all = [...pool.values()].flatMap((ids) => ids.slice(0, 3));
  return (name) => {
    const table = tableNamed(name, tables);
    return (table && pool.get(table)) || all;
  };
}
