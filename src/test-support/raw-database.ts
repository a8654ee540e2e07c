import type { Queryable } from '../db/database.js';

/**
 * A look at the store as an attacker with a copy of the database would have it: every text, jsonb,
 * bytea (and text array) column of every table, searched for each needle as written, JSON-escaped,
 * in base64 (at each of the three byte alignments, so it is found inside a longer base64 text) and
 * in hex (so raw bytes in bytea are found too).
 */

export interface PlaintextHit {
  table: string;
  column: string;
  needle: string;
  form: 'plain' | 'json' | 'base64' | 'hex';
}

interface Variant {
  needle: string;
  form: PlaintextHit['form'];
  text: string;
  caseInsensitive: boolean;
}

/** The base64 characters that encode `bytes` whatever the bytes before them, at each alignment. */
function base64Forms(bytes: Buffer): string[] {
  const forms: string[] = [];
  for (let pad = 0; pad < 3; pad++) {
    const b64 = Buffer.concat([Buffer.alloc(pad), bytes]).toString('base64');
    const start = Math.ceil((8 * pad) / 6);
    const end = Math.floor((8 * (pad + bytes.length)) / 6);
    const form = b64.slice(start, end);
    if (form.length >= 4) forms.push(form);
  }
  return forms;
}

function variants(needle: string): Variant[] {
  const bytes = Buffer.from(needle, 'utf8');
  const json = JSON.stringify(needle).slice(1, -1);
  return [
    { needle, form: 'plain' as const, text: needle, caseInsensitive: true },
    ...(json !== needle ? [{ needle, form: 'json' as const, text: json, caseInsensitive: true }] : []),
    ...base64Forms(bytes).map((text) => ({ needle, form: 'base64' as const, text, caseInsensitive: false })),
    { needle, form: 'hex' as const, text: bytes.toString('hex'), caseInsensitive: true },
  ];
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Where any needle appears in clear (or merely encoded) anywhere in the store; [] when nowhere. */
export async function findPlaintext(db: Queryable, needles: string[]): Promise<PlaintextHit[]> {
  const all = needles.filter((n) => n.length > 0).flatMap(variants);
  if (all.length === 0) return [];
  const columns = await db.query<{ table: string; column: string; bytea: boolean }>(
    `SELECT c.table_name AS "table", c.column_name AS "column", c.data_type = 'bytea' AS bytea
     FROM information_schema.columns c
     JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
     WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
       AND (c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'bytea')
            OR (c.data_type = 'ARRAY' AND c.udt_name IN ('_text', '_varchar')))
     ORDER BY 1, 2`,
  );
  const hits: PlaintextHit[] = [];
  for (const c of columns) {
    const col = quote(c.column);
    const text = c.bytea ? `(encode(${col}, 'hex') || chr(10) || encode(${col}, 'escape'))` : `${col}::text`;
    const found = await db.query<{ i: number }>(
      `SELECT v.i::int AS i FROM unnest($1::text[], $2::boolean[]) WITH ORDINALITY AS v(s, ci, i)
       WHERE EXISTS (
         SELECT 1 FROM ${quote(c.table)}
         WHERE CASE WHEN v.ci THEN strpos(lower(${text}), lower(v.s)) ELSE strpos(${text}, v.s) END > 0)`,
      [all.map((v) => v.text), all.map((v) => v.caseInsensitive)],
    );
    for (const { i } of found) {
      const v = all[i - 1]!;
      hits.push({ table: c.table, column: c.column, needle: v.needle, form: v.form });
    }
  }
  return hits;
}
