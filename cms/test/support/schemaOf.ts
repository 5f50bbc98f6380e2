import { createClient } from '@libsql/client'

/**
 * The schema of a database as sorted lines (tables, columns with type, null and
 * default, indexes, keys, constraints, triggers), to compare two databases: the
 * rows, ids and the order statements ran in leave it unchanged.
 */
export async function schemaOf(url: string, sqliteKey?: string): Promise<string[]> {
  return url.startsWith('postgres') ? postgresSchema(url) : sqliteSchema(url, sqliteKey)
}

const SQLITE = {
  columns: `SELECT 'column ' || m.name || '.' || p.name || ' ' || p.type || (CASE WHEN p."notnull" THEN ' not null' ELSE '' END)
      || ' default ' || coalesce(p.dflt_value, '-') || (CASE WHEN p.pk THEN ' pk' ELSE '' END) AS line
    FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'`,
  indexes: `SELECT 'index ' || m.name || ' ' || (CASE WHEN l.origin = 'c' THEN l.name ELSE '(' || l.origin || ')' END)
      || (CASE WHEN l."unique" THEN ' unique' ELSE '' END) || ' on ' || (SELECT group_concat(i.name, ',') FROM pragma_index_info(l.name) i) AS line
    FROM sqlite_master m JOIN pragma_index_list(m.name) l WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'`,
  foreignKeys: `SELECT 'foreign key ' || m.name || '.' || f."from" || ' -> ' || f."table" || '.' || coalesce(f."to", 'id')
      || ' on delete ' || f.on_delete || ' on update ' || f.on_update AS line
    FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) f WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'`,
  triggers: `SELECT 'trigger ' || name || ' on ' || tbl_name || ': ' || sql AS line FROM sqlite_master WHERE type = 'trigger'`,
}

/** `encryptionKey`: the libsql key the platform opens the file with (sqliteKeyOf, docs/data-at-rest.md). */
async function sqliteSchema(url: string, encryptionKey?: string): Promise<string[]> {
  const client = createClient({ url, encryptionKey })
  try {
    const lines: string[] = []
    for (const query of Object.values(SQLITE)) for (const row of (await client.execute(query)).rows) lines.push(String(row.line))
    return normalise(lines)
  } finally {
    client.close()
  }
}

const POSTGRES = {
  columns: `SELECT 'column ' || table_name || '.' || column_name || ' ' || udt_name || coalesce('(' || character_maximum_length || ')', '')
      || (CASE WHEN is_nullable = 'NO' THEN ' not null' ELSE '' END) || ' default ' || coalesce(column_default, '-') AS line
    FROM information_schema.columns WHERE table_schema = 'public'`,
  indexes: `SELECT 'index ' || tablename || ' ' || indexname || ': ' || indexdef AS line FROM pg_indexes WHERE schemaname = 'public'`,
  constraints: `SELECT 'constraint ' || conrelid::regclass || ' ' || conname || ': ' || pg_get_constraintdef(oid) AS line
    FROM pg_constraint WHERE connamespace = 'public'::regnamespace`,
  enums: `SELECT 'enum ' || t.typname || ': ' || string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) AS line
    FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname`,
  extensions: `SELECT 'extension ' || extname AS line FROM pg_extension`,
}

async function postgresSchema(url: string): Promise<string[]> {
  const { default: pg } = await import('pg')
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const lines: string[] = []
    for (const query of Object.values(POSTGRES)) for (const row of (await client.query(query)).rows) lines.push(String(row.line))
    return normalise(lines)
  } finally {
    await client.end()
  }
}

/** One space for any run of white space, sorted: how a statement was laid out is not the schema. */
const normalise = (lines: string[]) => lines.map((line) => line.replace(/\s+/g, ' ').trim()).sort()

/** The lines only one of two schemas has, each marked with the side it is on. */
export function schemaDifference(expected: string[], actual: string[], names: [string, string]): string[] {
  const a = new Set(expected)
  const b = new Set(actual)
  return [
    ...expected.filter((l) => !b.has(l)).map((l) => `only in ${names[0]}: ${l}`),
    ...actual.filter((l) => !a.has(l)).map((l) => `only in ${names[1]}: ${l}`),
  ]
}
