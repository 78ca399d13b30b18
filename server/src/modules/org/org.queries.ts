import type { EntityManager } from 'typeorm';

/** Ids of the given departments and all their descendants. */
export async function subtreeIds(em: EntityManager, rootIds: readonly string[]): Promise<string[]> {
  if (rootIds.length === 0) return [];
  const rows: { id: string }[] = await em.query(
    `WITH RECURSIVE tree(id) AS (
       SELECT id FROM departments WHERE id = ANY($1::uuid[])
       UNION
       SELECT d.id FROM departments d JOIN tree t ON d.parent_id = t.id
     )
     SELECT id FROM tree`,
    [rootIds],
  );
  return rows.map((r) => r.id);
}

/** Serialises changes to the department tree so that two concurrent moves cannot form a cycle. */
export async function lockDepartmentTree(em: EntityManager): Promise<void> {
  await em.query(`SELECT pg_advisory_xact_lock(hashtext('palma.departments.tree'))`);
}
