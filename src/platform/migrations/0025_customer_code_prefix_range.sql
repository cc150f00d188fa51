-- The customer search by code prefix reads exactly the customers of the prefix from the code index, in the
-- list's order, whatever the statistics say (src/ledger/customers/customer-queries.ts). As `upper(code) like
-- 'C0100%'` ORed with the name search, the planner took the matches as spread evenly over the codes and
-- walked the code index from the first customer, filtering: on a vacuumed database half the table for a
-- prefix in the middle of the codes (60–96 ms at 100,000 customers).
-- A code equal to its upper case matches the prefix P exactly when P <= code < P || U+10FFFF in code-point
-- order: a range of customer_code_key, the index the list sorts by. Collation "C" makes that order the
-- column's own on every installation (it is already on a C or C.UTF-8 database: same order, indexes rebuilt).
alter table customer alter column code type text collate "C";
-- The few codes with lower-case letters are matched through an index of their own.
create index customer_code_not_upper on customer (upper(code) text_pattern_ops) where code <> upper(code);
