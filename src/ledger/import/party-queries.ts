// Set-based checks and upserts for customers (with their staff and parents) and contacts.
import type { RawConnection } from '../../platform/db/connection';
import { codeKeySql } from '../customers/code-key';
import type { ProblemLog } from './report';
import {
  collectProblems,
  countUpsert,
  duplicateCheck,
  prepareUpsert,
  STAGE,
  unknownCustomerCheck,
} from './stage-queries';

export async function checkCustomers(raw: RawConnection, log: ProblemLog): Promise<void> {
  await collectProblems(raw, log, duplicateCheck(['code'], 'customer_code', 'code'));
  await collectProblems(
    raw,
    log,
    `select s.line, 'parent_code' as field, s.parent_code as value,
            'unknown parent customer "' || s.parent_code || '"' as reason
       from ${STAGE} s
      where s.parent_code is not null
        and not exists (select 1 from customer c where c.code = s.parent_code)
        and not exists (select 1 from ${STAGE} o where o.code = s.parent_code)`,
  );
  // Group parents must not loop (C1 → C2 → C1), within the file or with stored customers: the file's parent
  // replaces a stored customer's, so the graph after the load is the file's edges plus the stored ones of
  // customers the file does not name. Each staged parent is followed up the chain to see if it comes back.
  await collectProblems(
    raw,
    log,
    // Codes compare in the "C" collation of customer.code, in both halves of the recursive queries.
    `with recursive edges(code, parent) as (
       select s.code collate "C", s.parent_code collate "C" from ${STAGE} s where s.parent_code is not null
       union all
       select c.code, p.code from customer c join customer p on p.id = c.parent_id
        where not exists (select 1 from ${STAGE} o where o.code = c.code)
     ), walk(start, at, depth) as (
       select s.code collate "C", s.parent_code collate "C", 1 from ${STAGE} s where s.parent_code is not null
       union all
       select w.start, e.parent, w.depth + 1 from walk w join edges e on e.code = w.at
        where w.at <> w.start and w.depth < 100
     )
     select s.line, 'parent_code' as field, s.parent_code as value,
            'parent customer "' || s.parent_code || '" makes a loop of group parents (集团 loop)' as reason
       from ${STAGE} s
      where s.parent_code <> s.code
        and exists (select 1 from walk w where w.start = s.code and w.at = s.code)`,
  );
  // Staged codes are normalised; a stored code that normalises to one of them but is not equal to it would
  // look the same on every screen (stored before codes were normalised).
  await collectProblems(
    raw,
    log,
    `select s.line, 'customer_code' as field, s.code as value,
            'looks the same as customer code ' || ${CONTROLS_SHOWN('c.code')} ||
            ' (differs only by invisible or full-width characters)' as reason
       from ${STAGE} s
       join customer c on ${codeKeySql('c.code')} = s.code and c.code <> s.code`,
  );
}

/** The code with invisible characters shown as <U+200B>, as the API's errors show them. */
const CONTROLS_SHOWN = (column: string) =>
  `(select string_agg(case when ch ~ '[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u206a-\u206f\ufeff]'
                          then '<U+' || upper(lpad(to_hex(ascii(ch)), 4, '0')) || '>' else ch end, '' order by n)
      from regexp_split_to_table(${column}, '') with ordinality as t(ch, n))`;

/**
 * Staff named in the salesperson and collector columns, matched by user name, else display name; unknown
 * names become users (user name = the name, no password: staff, not logins). Returns how many were made.
 */
export async function resolveStaff(raw: RawConnection): Promise<number> {
  const names = `select salesperson as name from ${STAGE} where salesperson is not null
                 union select collector from ${STAGE} where collector is not null`;
  const created = await raw.query(
    `insert into app_user (username, display_name)
     select n.name, n.name from (${names}) n
      where not exists (select 1 from app_user u where u.username = n.name or u.display_name = n.name)
     on conflict (username) do nothing`,
  );
  await raw.exec(
    `drop table if exists import_staff;
     create temp table import_staff on commit drop as
     select n.name, (select u.id from app_user u where u.username = n.name or u.display_name = n.name
                      order by (u.username = n.name) desc, u.id limit 1) as user_id
       from (${names}) n`,
  );
  return created.rowCount;
}

const CUSTOMER_OPTIONAL: Record<string, string> = {
  tax_id: 's.tax_id',
  region: 's.region',
  country: `coalesce(s.country, e.country, 'CN')`,
  time_zone: `coalesce(s.time_zone, e.time_zone, 'Asia/Shanghai')`,
  language: `coalesce(s.language, e.language, 'zh-CN')`,
  segment: 's.segment',
  payment_terms_days: 's.payment_terms_days',
  salesperson_id: 'sp.user_id',
  collector_id: 'co.user_id',
};

/** `optional`: the customer columns the file has (country, salesperson_id, ...). */
export async function upsertCustomers(raw: RawConnection, optional: string[], withParent: boolean) {
  const upsert = await prepareUpsert(raw, {
    table: 'customer',
    keys: ['code'],
    columns: ['name', ...optional],
    select: `select s.code, s.name ${optional.map((column) => `, ${CUSTOMER_OPTIONAL[column]} as ${column}`).join('')}
               from ${STAGE} s
               left join customer e on e.code = s.code
               left join import_staff sp on sp.name = s.salesperson
               left join import_staff co on co.name = s.collector`,
    returning: 't.code, (t.xmax = 0) as inserted',
  });
  await raw.query(
    `with up as (${upsert})
     insert into import_changed (line, inserted)
     select s.line, up.inserted from up join ${STAGE} s on s.code = up.code`,
  );
  if (!withParent) return;
  // Parents second: a parent may be a customer that this same file creates.
  await raw.query(
    `with up as (
       update customer c set parent_id = p.id, updated_at = now()
         from ${STAGE} s left join customer p on p.code = s.parent_code
        where c.code = s.code and c.parent_id is distinct from p.id
        returning s.line)
     insert into import_changed (line, inserted) select line, false from up on conflict (line) do nothing`,
  );
}

export async function checkContacts(raw: RawConnection, log: ProblemLog): Promise<void> {
  await collectProblems(raw, log, duplicateCheck(['customer_code', 'name'], 'contact_name', 'name'));
  await collectProblems(raw, log, unknownCustomerCheck('customer_code', false));
}

const CONTACT_OPTIONAL: Record<string, string> = {
  role: `coalesce(s.role, e.role, 'finance')`,
};

export async function upsertContacts(raw: RawConnection, optional: string[]) {
  return countUpsert(
    raw,
    await prepareUpsert(raw, {
      table: 'contact',
      keys: ['customer_id', 'name'],
      columns: optional,
      select: `select c.id as customer_id, s.name
                      ${optional.map((column) => `, ${CONTACT_OPTIONAL[column] ?? `s.${column}`} as ${column}`).join('')}
                 from ${STAGE} s
                 join customer c on c.code = s.customer_code
                 left join contact e on e.customer_id = c.id and e.name = s.name`,
      returning: '(t.xmax = 0) as inserted',
    }),
  );
}
