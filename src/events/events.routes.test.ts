import { beforeAll, expect, it } from 'vitest';
import type { Role } from '../access/roles.js';
import type { App } from '../http/app-env.js';
import { importEventFile } from '../ingest/import-events.js';
import { acledFormat } from '../ingest/acled/acled-format.js';
import { appWithRoleTokens, bearer } from '../test-support/app-fixture.js';
import { describeEachEngine } from '../test-support/engines.js';
import type { EventDto } from './event-dto.js';
import { countEvents } from './events.repository.js';

const fixture = (name: string) => new URL(`../ingest/acled/fixtures/${name}`, import.meta.url).pathname;

describeEachEngine('GET /api/events', ({ db }) => {
  let app: App;
  let tokens: Record<Role, string>;
  const get = async <T>(path: string, role: Role = 'viewer') => {
    const res = await app.request(path, { headers: bearer(tokens[role]) });
    return { status: res.status, body: (await res.json()) as T };
  };

  beforeAll(async () => {
    ({ app, tokens } = await appWithRoleTokens(db()));
    for (const f of ['acled-2020.csv', 'acled-2023.csv', 'acled-2024.csv'])
      await importEventFile(db(), { format: acledFormat, file: fixture(f) });
  });

  it('pages through every event newest first with a cursor, without repeats', async () => {
    const all = await get<{ items: EventDto[]; total: number }>('/api/events?limit=1000&includeTotal=true');
    expect(all.body.total).toBe(all.body.items.length);
    const seen: EventDto[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: EventDto[]; nextCursor: string | null } } = await get(
        `/api/events?limit=4${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen.map((e) => e.id)).toEqual(all.body.items.map((e) => e.id));
    const dates = seen.map((e) => e.dateStart);
    expect([...dates].sort().reverse()).toEqual(dates);
  });

  it('filters by country, category, dates, fatalities and bounding box like the CLI', async () => {
    const { body } = await get<{ items: EventDto[] }>('/api/events?category=one-sided&limit=1000');
    expect(body.items.length).toBeGreaterThan(0);
    expect(body.items.every((e) => e.category === 'one-sided')).toBe(true);
    const first = body.items[0]!;
    const byCountry = await get<{ items: EventDto[] }>(`/api/events?country=${first.country!.toLowerCase()}&limit=1000`);
    expect(byCountry.body.items.every((e) => e.country === first.country)).toBe(true);
    const day = await get<{ items: EventDto[] }>(`/api/events?from=${first.dateStart}&to=${first.dateStart}`);
    expect(day.body.items.every((e) => e.dateStart === first.dateStart)).toBe(true);
    const heavy = await get<{ items: EventDto[] }>('/api/events?minFatalities=5&limit=1000');
    expect(heavy.body.items.every((e) => (e.fatalities.best ?? 0) >= 5)).toBe(true);
    const box = `${first.longitude! - 0.1},${first.latitude! - 0.1},${first.longitude! + 0.1},${first.latitude! + 0.1}`;
    const inBox = await get<{ items: EventDto[] }>(`/api/events?bbox=${box}&limit=1000`);
    expect(inBox.body.items.map((e) => e.id)).toContain(first.id);
  });

  it('counts matching events only up to the cap, and says when there are more', async () => {
    const exact = await countEvents(db(), {});
    expect(exact.capped).toBe(false);
    expect(await countEvents(db(), {}, exact.count - 1)).toEqual({ count: exact.count - 1, capped: true });
    expect(await countEvents(db(), {}, exact.count)).toEqual({ count: exact.count, capped: false });
  });

  it('says which parameter is wrong and why', async () => {
    const bad = await get<{ error: { code: string; message: string } }>('/api/events?from=2023-13-01');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/from: must be a date/);
    const box = await get<{ error: { message: string } }>('/api/events?bbox=10,20,30');
    expect(box.body.error.message).toMatch(/bbox/);
    const cursor = await get<{ error: { message: string } }>('/api/events?cursor=bm9wZQ');
    expect(cursor.status).toBe(400);
  });

  it('serves one event, its map points and the monthly country summary', async () => {
    const { body } = await get<{ items: EventDto[] }>('/api/events?limit=1');
    const one = await get<EventDto & { raw: Record<string, string> }>(`/api/events/${body.items[0]!.id}`);
    const { raw, ...dto } = one.body;
    expect(dto).toEqual(body.items[0]);
    expect(raw.event_id_cnty).toBe(body.items[0]!.sourceId);
    expect((await get('/api/events/999999')).status).toBe(404);
    const points = await get<{ features: { properties: { id: number } }[]; unmapped: number }>('/api/events.geojson');
    expect(points.body.features.length).toBeGreaterThan(0);
    const c = body.items[0]!.country!;
    const summary = await get<{ totals: { events: number }; months: { month: string; category: string; events: number }[] }>(
      `/api/countries/${c}/summary`,
    );
    const total = await get<{ total: number }>(`/api/events?country=${c}&includeTotal=true`);
    expect(summary.body.totals.events).toBe(total.body.total);
    expect(summary.body.months.every((m) => /^\d{4}-\d{2}$/.test(m.month))).toBe(true);
    expect((await get('/api/countries/ZZZ/summary')).status).toBe(404);
  });
});
