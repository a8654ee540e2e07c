import { beforeAll, expect, it } from 'vitest';
import type { App } from '../http/app-env.js';
import { appWithRoleTokens, bearer } from '../test-support/app-fixture.js';
import { describeEachEngine } from '../test-support/engines.js';
import { findPlaintext } from '../test-support/raw-database.js';
import { witnessedKilling } from './report.fixture.js';

/** Names and numbers no one would write by chance: if any is found, an identity leaked. */
const IDENTITIES = [
  { name: 'Zacharie Mbolifouyé-Ngaïkoura', contact: '+236 75 31 90 64', notes: 'lives behind the Fatima parish' },
  { name: 'Odilia Kpangbanda-Sélétoua', contact: 'odilia.kps@proton.example', notes: 'speaks Sango only' },
  { name: 'Théodore Yangoungba-Ouandé', contact: '+236 70 88 12 57' },
];
const NEEDLES = IDENTITIES.flatMap((i) => Object.values(i));

describeEachEngine('no plaintext identity in the raw database', ({ db }) => {
  let app: App;
  let tokens: Awaited<ReturnType<typeof appWithRoleTokens>>['tokens'];
  const post = (path: string, body: unknown, token?: string) =>
    app.request(path, {
      method: 'POST',
      headers: { ...(token ? bearer(token) : {}), 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    ({ app, tokens } = await appWithRoleTokens(db()));
    const [a, b, c] = IDENTITIES;
    const signedIn = witnessedKilling({
      sources: [
        { kind: 'witness', reliability: 'B', credibility: 2, identity: a },
        { kind: 'informant', reliability: 'C', credibility: 3, identity: b },
      ],
      confidential: { victims: [c], witnesses: [a], notes: `call ${b!.contact} first` },
    });
    expect((await post('/api/reports', signedIn, tokens.monitor)).status).toBe(201);
    const link = (await (await post('/api/reports/intake-links', { days: 1 }, tokens.admin)).json()) as { path: string };
    const anonymous = witnessedKilling({
      sources: [{ kind: 'victim', reliability: 'F', credibility: 6, identity: c }],
      confidential: { victims: [b], witnesses: [] },
    });
    expect((await post(link.path, anonymous)).status).toBe(201);
    // Read (logged), reviewed and verified: every path that writes must keep identities sealed.
    const [{ id }] = (await db().query<{ id: number }>('SELECT min(id) AS id FROM reports')) as [{ id: number }];
    const revealed = await app.request(`/api/reports/${id}?reveal=true&purpose=protection%20assessment`, {
      headers: bearer(tokens.investigator),
    });
    expect(JSON.stringify(await revealed.json())).toContain(a!.name);
    await post(`/api/reports/${id}/review`, { action: 'triage', reason: 'on our watch list' }, tokens.analyst);
    expect((await post(`/api/reports/${id}/review`, { action: 'verify', reason: 'corroborated' }, tokens.analyst)).status).toBe(
      200,
    );
  });

  it('finds none of the names, contacts or notes anywhere, in clear, JSON-escaped, base64 or hex', async () => {
    expect(await findPlaintext(db(), NEEDLES)).toEqual([]);
  });

  it('would find them if they were there (the scan itself works)', async () => {
    const hits = await findPlaintext(db(), ['Armed men entered the market']);
    expect(hits.map((h) => `${h.table}.${h.column}`)).toEqual(
      expect.arrayContaining(['reports.description', 'events.description']),
    );
  });
});
