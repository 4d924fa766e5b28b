// SPDX-License-Identifier: GPL-3.0-or-later
// The DuckDB counterpart of `sqlite3 DB ".read FILE"`: opens (or creates) the database file DB,
// runs every statement of FILE in order and prints each result row as `a|b|c` (NULL as an
// empty field), as the sqlite3 shell's default list mode does. One process per step, like the
// baseline, so bench/run.sh can time it under /usr/bin/time -v.
//
//   node run-sql.mjs DB FILE.sql        (or  node run-sql.mjs DB -c "SQL")
//
// @duckdb/node-api is resolved from CPM_DUCKDB_PREFIX (an `npm ci --prefix` directory, which
// bench/run.sh puts in the bench build tree), else from this script's own folder.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const [database, file, inline] = process.argv.slice(2);
if (!database || !file || (file === '-c' && inline === undefined)) {
  console.error('usage: node run-sql.mjs DB FILE.sql | node run-sql.mjs DB -c "SQL"');
  process.exit(2);
}
const prefix = resolve(process.env.CPM_DUCKDB_PREFIX || dirname(fileURLToPath(import.meta.url)));
const require = createRequire(join(prefix, 'package.json'));
const { DuckDBInstance, StatementType } = await import(pathToFileURL(require.resolve('@duckdb/node-api')).href);

const sql = file === '-c' ? inline : readFileSync(file, 'utf8');
const format = (value) => {
  if (value === null || value === undefined)
    return '';
  return value instanceof Date ? value.toISOString().replace('T', ' ').replace('.000Z', '') : String(value);
};
// Statements whose rows are printed (the shell prints nothing for CREATE ... AS, CHECKPOINT).
const printed = new Set([StatementType.SELECT, StatementType.EXPLAIN, StatementType.PRAGMA, StatementType.CALL]);

const instance = await DuckDBInstance.create(database);
const connection = await instance.connect();
const statements = await connection.extractStatements(sql);
const lines = [];
for (let i = 0; i < statements.count; ++i) {
  const prepared = await statements.prepare(i);
  const reader = await prepared.runAndReadAll();
  if (!printed.has(prepared.statementType))
    continue;
  for (const row of reader.getRowsJS())
    lines.push(row.map(format).join('|'));
}
if (lines.length)
  process.stdout.write(lines.join('\n') + '\n');
connection.closeSync();
instance.closeSync();
