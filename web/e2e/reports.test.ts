import { createHash } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createGroup } from '../../src/groups/groups.repository.js';
import { getReport, listReports, reportLog } from '../../src/reports/reports.repository.js';
import { createTestInstance, type TestInstance } from '../../src/test-support/instance.js';
import { findPlaintext } from '../../src/test-support/raw-database.js';
import {
  describeInBrowser,
  DESKTOP,
  openBrowser,
  PHONE,
  screenshotBothWidths,
  seriousAxeViolations,
  signIn,
  signOut,
  type Browser,
} from './browser.js';

const WITNESS = 'Zakaria Ndoumbé-Kossi';
const WITNESS_PHONE = '+236 72 19 48 03';
const VICTIM = 'Hawa Yakité-Bangui';
const DESCRIPTION = 'Armed men entered the market at dawn and fired on people; stalls were burnt.';

/** A journey drives several pages and a screenshot at two widths: far longer than a unit test. */
const JOURNEY_TIMEOUT = 120_000;

const pathOf = (page: Page) => new URL(page.url()).pathname;

/** Fills the form as a monitor on a phone would: what happened, where, who, and the sources with their identities. */
async function fillWitnessedKilling(page: Page): Promise<void> {
  await page.getByLabel('Date (or first day)').fill('2015-10-07');
  await page.getByLabel('Country', { exact: true }).selectOption('CAF');
  await page.getByLabel('Region or province (optional)').fill('Ouham');
  await page.getByLabel('Place: village, neighbourhood or site (optional)').fill('Bossangoa market');
  await page.getByLabel('Latitude').fill('6.49');
  await page.getByLabel('Longitude').fill('17.45');
  await page.getByLabel('Killing', { exact: true }).check();
  await page.getByLabel('Destruction of property').check();
  await page.getByLabel('Description', { exact: true }).fill(DESCRIPTION);
  await page.getByLabel('Number of people killed (optional)').fill('7');

  await page.getByRole('button', { name: 'Add a person or group' }).click();
  const victims = page.getByRole('group', { name: 'Affected person or group 1' });
  await victims.getByLabel('How many people').fill('7');
  await victims.getByLabel('Description (no names)').fill('traders at the market');

  await page.getByRole('button', { name: 'Add a perpetrator' }).click();
  const perpetrator = page.getByRole('group', { name: 'Perpetrator 1' });
  await perpetrator.getByLabel('Armed force or group (optional)').fill('Anti-balaka');
  await perpetrator.getByLabel('Involvement').selectOption({ label: 'Committed it' });

  await page.getByRole('button', { name: 'Add a source' }).click();
  const source = page.getByRole('group', { name: 'Source 1', exact: true });
  await source.getByLabel('Reliability of the source').selectOption('B');
  await source.getByLabel('Credibility of the information').selectOption('2');
  await source.getByLabel('Name').fill(WITNESS);
  await source.getByLabel('Contact (telephone, address)').fill(WITNESS_PHONE);

  await page.getByRole('button', { name: 'Add the name of a victim' }).click();
  await page.getByRole('group', { name: 'Victim 1' }).getByLabel('Name').fill(VICTIM);
}

describeInBrowser(
  'report intake and the verification queue in Chromium',
  () => {
    let instance: TestInstance;
    const browsers: Browser[] = [];
    const open = async (options: Parameters<typeof openBrowser>[0] = {}) => {
      const b = await openBrowser(options);
      browsers.push(b);
      return b;
    };
    let reference = '';
    let intakeLink = '';

    beforeAll(async () => {
      instance = await createTestInstance();
    });

    afterAll(async () => {
      for (const b of browsers) await b.close();
      await instance?.close();
    }, JOURNEY_TIMEOUT);

    it(
      'a monitor on a phone fills a report, loses nothing to a reload or a dropped connection, and gets its reference',
      async () => {
        const { page, context } = await open({ viewport: PHONE });
        await page.goto(instance.url);
        await signIn(page, instance.users.monitor);
        await expect.poll(() => pathOf(page)).toBe('/reports/new');
        await page.getByRole('heading', { level: 1, name: 'Report an incident' }).waitFor();
        await expect.poll(() => page.getByText('only investigators and administrators can open them').count()).toBe(1);
        expect(await seriousAxeViolations(page)).toEqual([]);

        // Sent empty: every problem is named at once, with a link to its field.
        await page.getByRole('button', { name: 'Send the report' }).click();
        const summary = page.getByRole('alert').filter({ hasText: 'The report was not sent. Please correct:' });
        await summary.waitFor();
        expect(await summary.getByRole('link').allTextContents()).toEqual([
          'Give the date, or the first day.',
          'Choose the country.',
          'Choose at least one act.',
        ]);
        expect(await seriousAxeViolations(page)).toEqual([]);

        await fillWitnessedKilling(page);
        expect(await summary.count()).toBe(0);

        // The draft is in this tab's sessionStorage only, and survives a reload.
        const stored = await page.evaluate(() => ({
          session: sessionStorage.getItem('tocsin.report-draft') ?? '',
          local: JSON.stringify(localStorage),
        }));
        expect(stored.session).toContain(DESCRIPTION);
        expect(stored.local).not.toContain('Bossangoa');
        await page.reload();
        await page.getByText('Your unsent draft was restored.').waitFor();
        expect(await page.getByLabel('Description', { exact: true }).inputValue()).toBe(DESCRIPTION);
        expect(await page.getByRole('group', { name: 'Source 1', exact: true }).getByLabel('Name').inputValue()).toBe(WITNESS);
        await screenshotBothWidths(page, 'report-form', () =>
          page.getByRole('group', { name: 'What happened' }).evaluate((e) => e.scrollIntoView()),
        );

        // Offline: held, said so, every word kept; sent by itself once the connection returns.
        await context.setOffline(true);
        await page.getByRole('button', { name: 'Send the report' }).click();
        await page.getByText('No connection: the report will be sent as soon as the connection returns.').waitFor();
        expect(await page.getByLabel('Description', { exact: true }).inputValue()).toBe(DESCRIPTION);
        expect(await listReports(instance.db, {}, 10)).toEqual([]);
        await context.setOffline(false);
        await page.getByRole('heading', { name: 'Report sent' }).waitFor();
        reference = (await page.locator('.sent .reference').textContent()) ?? '';
        expect(reference).toMatch(/^R-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
        // The monitor can follow it up: listed under "Your reports" with where it stands.
        const mine = page.getByTestId('my-reports').locator('tbody tr');
        await expect.poll(() => mine.first().textContent()).toContain(reference);
        expect(await mine.first().textContent()).toContain('Received: waiting for an analyst');
        expect(await page.evaluate(() => sessionStorage.getItem('tocsin.report-draft'))).toBe(null);
        expect(await seriousAxeViolations(page)).toEqual([]);

        const [summaryRow] = await listReports(instance.db, {}, 10);
        expect(summaryRow).toMatchObject({ reference, status: 'submitted', country: 'CAF', anonymous: false, fatalities: 7 });
        const stored2 = await getReport(instance.db, summaryRow!.id);
        expect(stored2).toMatchObject({
          admin1: 'Ouham',
          location: 'Bossangoa market',
          latitude: 6.49,
          acts: ['killing', 'destruction-of-property'],
          description: DESCRIPTION,
          perpetrators: [{ actor: 'Anti-balaka', involvement: 'direct', state: false }],
          confidential: 'sealed',
          submittedBy: 'monitor',
        });
        expect(stored2.sources).toMatchObject([{ pseudonym: 'Source 1', grade: 'B2', identity: 'sealed' }]);
        expect(await findPlaintext(instance.db, [WITNESS, WITNESS_PHONE, VICTIM])).toEqual([]);
      },
      JOURNEY_TIMEOUT,
    );

    it(
      'signing out on purpose erases an unsent draft, for a device shared in the field',
      async () => {
        const { page } = await open({ viewport: PHONE });
        await page.goto(instance.url);
        await signIn(page, instance.users.monitor);
        await page.getByLabel('Description', { exact: true }).fill(DESCRIPTION);
        await expect.poll(() => page.evaluate(() => sessionStorage.getItem('tocsin.report-draft') ?? '')).toContain(DESCRIPTION);
        await signOut(page);
        expect(await page.evaluate(() => sessionStorage.getItem('tocsin.report-draft'))).toBe(null);
        await signIn(page, instance.users.monitor);
        expect(await page.getByLabel('Description', { exact: true }).inputValue()).toBe('');
      },
      JOURNEY_TIMEOUT,
    );

    it(
      'an analyst finds it in the queue, opens it (identities sealed), triages and verifies it with reasons',
      async () => {
        const { page } = await open({ viewport: DESKTOP });
        await page.goto(`${instance.url}/reports`);
        await signIn(page, instance.users.analyst);
        const link = page.getByRole('link', { name: reference });
        await link.waitFor();
        const row = page.getByRole('row').filter({ has: link });
        expect(await row.textContent()).toContain('Submitted');
        expect(await row.textContent()).toContain('Killing, Destruction of property');
        expect(await seriousAxeViolations(page)).toEqual([]);

        await link.click();
        await page.getByRole('heading', { level: 1, name: `Report ${reference}` }).waitFor();
        expect(await page.getByText(WITNESS).count()).toBe(0);
        expect(await page.getByText('Sealed', { exact: true }).count()).toBeGreaterThanOrEqual(2);
        expect(await page.getByRole('heading', { name: 'Open names and contacts' }).count()).toBe(0);
        expect(await seriousAxeViolations(page)).toEqual([]);

        // Verify is not open from "submitted": the form offers only what the server allows.
        expect(await page.getByRole('radio', { name: /^Verify/ }).count()).toBe(0);
        await page.getByRole('button', { name: 'Record the step' }).click();
        await page.getByText('Choose a step.').waitFor();
        await page.getByRole('radio', { name: /^Triage/ }).check();
        await page.getByLabel('Reason (for the record)').fill('in our area, credible source');
        await page.getByRole('button', { name: 'Record the step' }).click();
        await page.getByText('Recorded: the report is now “Triaged”.').waitFor();

        await page.getByRole('radio', { name: /^Verify/ }).check();
        await page.getByLabel('Reason (for the record)').fill('two independent witnesses, photographs');
        await page.getByRole('button', { name: 'Record the step' }).click();
        await page.getByText('Recorded: the report is now “Verified”.').waitFor();
        await page.getByText(/^Verified: it is event \d+ in the event store\.$/).waitFor();
        expect(await seriousAxeViolations(page)).toEqual([]);

        const id = (await listReports(instance.db, {}, 10)).find((r) => r.reference === reference)!.id;
        const stored = await getReport(instance.db, id);
        expect(stored).toMatchObject({
          status: 'verified',
          reviewedBy: 'analyst',
          reviewReason: 'two independent witnesses, photographs',
        });
        expect(stored.eventId).not.toBe(null);
        expect((await reportLog(instance.db, id)).map((l) => [l.action, l.by, l.detail.reason ?? null])).toEqual([
          ['submitted', 'monitor', null],
          ['triage', 'analyst', 'in our area, credible source'],
          ['verify', 'analyst', 'two independent witnesses, photographs'],
        ]);
      },
      JOURNEY_TIMEOUT,
    );

    it(
      'an investigator opens the identities only with a purpose, and the opening is logged',
      async () => {
        const { page } = await open();
        const id = (await listReports(instance.db, {}, 10)).find((r) => r.reference === reference)!.id;
        const stored = await getReport(instance.db, id);
        await page.goto(`${instance.url}/reports/${id}`);
        await signIn(page, instance.users.investigator);
        await page.getByRole('heading', { name: 'Open names and contacts' }).waitFor();
        expect(await page.getByRole('heading', { name: 'Take a verification step' }).count()).toBe(0);
        await page.getByRole('button', { name: 'Open and log' }).click();
        await page.getByText('State the purpose in a few words.').waitFor();
        await page.getByLabel('Purpose').fill('protection referral to UNHCR');
        await page.getByRole('button', { name: 'Open and log' }).click();
        await page.getByText('Opened. This read is in the access log.').waitFor();
        await page.getByText(`${WITNESS} · ${WITNESS_PHONE}`).waitFor();
        await page.getByText(VICTIM).waitFor();
        expect(await seriousAxeViolations(page)).toEqual([]);
        const log = await instance.db.query<{ subject: string; purpose: string }>(
          'SELECT subject, purpose FROM confidential_access_log ORDER BY id',
        );
        expect(log.map((l) => l.subject).sort()).toEqual([`report-source:${stored.sources[0]!.id}`, `report:${id}`]);
        expect(log.every((l) => l.purpose === 'protection referral to UNHCR')).toBe(true);
      },
      JOURNEY_TIMEOUT,
    );

    it(
      'an analyst makes a one-time intake link and copies it',
      async () => {
        const { page, context } = await open();
        await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: instance.url });
        await page.goto(`${instance.url}/reports`);
        await signIn(page, instance.users.analyst);
        await page.getByLabel('Label (for your records: which network or partner)').fill('Bossangoa network');
        await page.getByLabel('Valid for (days, at most 90)').fill('3');
        await page.getByRole('button', { name: 'Create a link' }).click();
        const field = page.getByRole('textbox', { name: 'Intake link' });
        await field.waitFor();
        intakeLink = await field.inputValue();
        expect(intakeLink).toMatch(new RegExp(`^${instance.url}/intake/[A-Za-z0-9_-]{20,}$`));
        await page.getByRole('button', { name: 'Copy the link' }).click();
        await page.getByText('Link copied.').waitFor();
        expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(intakeLink);
        expect(await seriousAxeViolations(page)).toEqual([]);
        const token = intakeLink.split('/intake/')[1]!;
        const [row] = await instance.db.query<{ label: string; used: boolean }>(
          'SELECT label, used_at IS NOT NULL AS used FROM intake_tokens WHERE token_hash = $1',
          [createHash('sha256').update(token).digest('hex')],
        );
        expect(row).toEqual({ label: 'Bossangoa network', used: false });
      },
      JOURNEY_TIMEOUT,
    );

    it(
      'someone without an account sends one anonymous report through it; the link then refuses, keeping the text',
      async () => {
        const { page } = await open({ viewport: PHONE });
        await page.goto(intakeLink);
        await page.getByRole('heading', { level: 1, name: 'Report an incident anonymously' }).waitFor();
        expect(await page.getByRole('button', { name: 'Sign out' }).count()).toBe(0);
        await page.getByText('No account, name or network address is stored with this report.').waitFor();
        expect(await seriousAxeViolations(page)).toEqual([]);

        const fill = async (description: string) => {
          await page.getByLabel('Date (or first day)').fill('2015-10-09');
          await page.getByLabel('Country', { exact: true }).selectOption('CAF');
          await page.getByLabel('Abduction').check();
          await page.getByLabel('Description', { exact: true }).fill(description);
        };
        await fill('Two teachers taken from the school by armed men.');
        await page.getByRole('button', { name: 'Send the report' }).click();
        await page.getByRole('heading', { name: 'Report sent' }).waitFor();
        await page.getByText('This link has now been used and cannot send another report.').waitFor();
        const anonymousRef = (await page.locator('.sent .reference').textContent()) ?? '';
        const anonymous = (await listReports(instance.db, {}, 10)).find((r) => r.reference === anonymousRef);
        expect(anonymous).toMatchObject({ anonymous: true, status: 'submitted', acts: ['abduction'] });
        expect((await getReport(instance.db, anonymous!.id)).submittedBy).toBe(null);

        await page.goto(intakeLink);
        await fill('A second report through a spent link.');
        await page.getByRole('button', { name: 'Send the report' }).click();
        await page.getByText('This link has already been used or has expired: each link takes one report.').waitFor();
        expect(await page.getByLabel('Description', { exact: true }).inputValue()).toBe('A second report through a spent link.');
        expect(await seriousAxeViolations(page)).toEqual([]);
        expect((await listReports(instance.db, {}, 10)).length).toBe(2);

        await page.goto(`${instance.url}/intake/not-a-link-anyone-made`);
        await page.getByRole('button', { name: 'Send the report' }).click();
        await page.getByText('This link is not valid. Ask the person who gave it to you for a new one.').waitFor();
      },
      JOURNEY_TIMEOUT,
    );

    it(
      'the queue lists every report with its status, and filters by status',
      async () => {
        const { page } = await open();
        await page.goto(`${instance.url}/reports`);
        await signIn(page, instance.users.analyst);
        await page.getByText('2 reports shown').waitFor();
        const statuses = page.locator('.reports-table tbody td[data-label="Status"]');
        expect(await statuses.allTextContents()).toEqual(['Submitted', 'Verified']);
        expect(await page.locator('.reports-table tbody td[data-label="Sent by"]').allTextContents()).toEqual([
          'Anonymous (link)',
          'Signed-in user',
        ]);
        await screenshotBothWidths(page, 'reports-queue');

        await page.getByLabel('Status').selectOption({ label: 'Verified' });
        await expect.poll(() => new URL(page.url()).search).toBe('?status=verified');
        await page.getByText('1 report shown').waitFor();
        expect(await page.getByRole('link', { name: reference }).count()).toBe(1);
        await page.getByLabel('Status').selectOption({ label: 'Rejected' });
        await page.getByText('No reports match these filters.').waitFor();
        expect(await seriousAxeViolations(page)).toEqual([]);
      },
      JOURNEY_TIMEOUT,
    );

    it('shows the intake form right to left in Arabic', async () => {
      const { page } = await open({ viewport: PHONE, locale: 'ar' });
      await page.goto(intakeLink);
      await page.getByRole('heading', { level: 1, name: 'الإبلاغ عن حادث دون الكشف عن الهوية' }).waitFor();
      expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['ar', 'rtl']);
      expect(await page.getByLabel('البلد', { exact: true }).locator('option[value="CAF"]').textContent()).toBe(
        'جمهورية أفريقيا الوسطى',
      );
      expect(await seriousAxeViolations(page)).toEqual([]);
    });

    it(
      'an analyst filing a report picks the protected groups of its country',
      async () => {
        const group = await createGroup(
          instance.db,
          { country: 'CAF', name: 'Muslim civilians', kind: 'religious', areas: [], notes: '' },
          null,
        );
        const { page } = await open();
        await page.goto(`${instance.url}/reports/new`);
        await signIn(page, instance.users.analyst);
        await page.getByLabel('Date (or first day)').fill('2015-10-11');
        await page.getByLabel('Country', { exact: true }).selectOption('CAF');
        await page.getByLabel('Muslim civilians').check();
        await page.getByLabel('Forced displacement').check();
        await page.getByRole('button', { name: 'Add a person or group' }).click();
        await page
          .getByRole('group', { name: 'Affected person or group 1' })
          .getByLabel('Protected group')
          .selectOption({ label: 'Muslim civilians' });
        expect(await seriousAxeViolations(page)).toEqual([]);
        await page.getByRole('button', { name: 'Send the report' }).click();
        await page.getByRole('heading', { name: 'Report sent' }).waitFor();
        const ref = (await page.locator('.sent .reference').textContent()) ?? '';
        const id = (await listReports(instance.db, {}, 10)).find((r) => r.reference === ref)!.id;
        const stored = await getReport(instance.db, id);
        expect(stored.groups).toEqual([{ id: group.id, name: 'Muslim civilians' }]);
        expect(stored.victims).toMatchObject([{ groupId: group.id, civilian: true }]);
        expect(stored.acts).toEqual(['displacement']);
      },
      JOURNEY_TIMEOUT,
    );
  },
  { needsSharedData: false },
);
