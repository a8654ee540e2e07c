/**
 * `analyze.ts (--data-dir DIR | --database-url URL)`: runs ANALYZE on the events table of a store
 * (PGlite has no autovacuum, so a store it filled has no planner statistics until then).
 * Prints one JSON line with the seconds it took.
 */
import { parseArgs } from 'node:util';
import { openDatabase } from '../../src/db/open-database.js';

const { values } = parseArgs({ options: { 'data-dir': { type: 'string' }, 'database-url': { type: 'string' } } });
const db = await openDatabase({ dataDir: values['data-dir'], databaseUrl: values['database-url'] });
const t = performance.now();
await db.exec('ANALYZE events');
const seconds = (performance.now() - t) / 1000;
await db.close();
console.log(JSON.stringify({ seconds, maxRssKb: process.resourceUsage().maxRSS }));
