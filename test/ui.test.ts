/**
 * The workbench in a real browser: Debian's chromium driven by playwright-core against `readout serve` on
 * loopback. Skips, saying why, where no chromium is installed (.ci/run installs it). Screenshots of every
 * page go to READOUT_SCREENSHOTS (docs/screenshots when refreshing the ones in the repository), else a
 * temporary folder.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { expect } from 'expect';
import type { Browser, Page } from 'playwright-core';
import { startServer, type Running } from '../src/cli/serve.ts';
import { ROOT, shared, tempDir } from './helpers.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const noBrowser = existsSync(CHROMIUM) ? null : `no chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH); browser tests skipped`;
const seeds = shared('corpus', 'seeds');

describe('the workbench in a browser', { skip: noBrowser ?? false }, () => {
  const dir = tempDir();
  const shots = process.env.READOUT_SCREENSHOTS ? join(ROOT, process.env.READOUT_SCREENSHOTS) : join(dir, 'screenshots');
  let running: Running;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  // pages showing third-party articles (the seeds) are photographed into the temporary folder only: the
  // repository's screenshots show the samples written for Readout
  const shot = async (name: string, thirdParty = false) => {
    const folder = thirdParty ? join(dir, 'screenshots') : shots;
    mkdirSync(folder, { recursive: true });
    await page.screenshot({ path: join(folder, `${name}.png`), fullPage: true });
  };
  const go = async (hash: string) => {
    await page.goto(`${running.url}#${hash}`);
    await page.waitForLoadState('networkidle');
  };
  const importFiles = async (files: string[]) => {
    await go('/import');
    await page.setInputFiles('input[type=file]', files);
    await page.click('form.import button[type=submit]');
    await page.locator('[data-testid=import-current].job-done').waitFor({ timeout: 120_000 });
  };

  before(async () => {
    const { chromium } = await import('playwright-core');
    running = await startServer({ db: join(dir, 'ui.db'), host: '127.0.0.1', port: '0' }, () => {});
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    // the error-state test asks for a missing event on purpose: its 404 is the one resource failure expected
    page.on('console', (m) => m.type() === 'error' && !/status of 404/.test(m.text()) && problems.push(`console: ${m.text()}`));
    page.on('dialog', (d) => {
      problems.push(`a dialog opened: ${d.message()}`);
      void d.dismiss();
    });
  });

  after(async () => {
    await browser?.close();
    running?.server.close();
    running?.store.close();
  });

  it('shows empty states before anything is imported, and an error state for a missing event', async () => {
    await go('/');
    await page.getByText('No events yet').waitFor();
    await shot('empty-timeline');
    await go('/events/ev-000000000000');
    await page.locator('.state.error').waitFor();
    expect(await page.locator('.state.error').innerText()).toContain('no event ev-000000000000');
    await shot('error-state');
  });

  it('imports files through the Import page with a progress bar, then lists their events', async () => {
    const samples = join(ROOT, 'samples', 'corpus');
    const files = readdirSync(samples, { recursive: true, withFileTypes: true }).filter((f) => f.isFile()).map((f) => join(f.parentPath, f.name));
    // an article whose text carries markup: it must be shown as characters, never run
    const hostile = join(dir, 'hostile.txt');
    writeFileSync(hostile, 'Envoys of Chile and Peru met in Lima on Monday.\n\nA protester held up a sign reading <script>window.readoutHacked = 1</script> and <img src=x onerror="window.readoutHacked = 2"> outside the talks.\n');
    await importFiles([...files, hostile]);
    await shot('import');
    expect(await page.locator('[data-testid=import-current] progress').getAttribute('value')).toBe('1');
    await go('/');
    await page.locator('ol.events li').first().waitFor();
    expect(await page.locator('ol.events li').count()).toBeGreaterThan(5);
    await page.locator('.chart canvas').first().waitFor();
    await shot('timeline');
    // the export link carries the filters of the page
    const csv = await page.evaluate(async () => (await fetch(document.querySelector<HTMLAnchorElement>('.export a')!.href)).text());
    expect(csv.split('\n')[0]).toMatch(/^id,date_earliest/);
  });

  it('renders markup inside an article as text: no script from a source runs', async () => {
    await go('/documents?q=protester');
    await page.locator('ul.documents a').first().click();
    const text = page.getByTestId('document-text');
    await text.waitFor();
    expect(await text.innerText()).toContain('<script>window.readoutHacked = 1</script>');
    expect(await page.evaluate(() => (window as unknown as { readoutHacked?: number }).readoutHacked)).toBeUndefined();
    expect(await page.locator('[data-testid=document-text] script, [data-testid=document-text] img').count()).toBe(0);
  });

  it('opens a country pair with its cooperation–conflict chart, an actor and the documents', async () => {
    await go('/pairs');
    await page.locator('table a').first().click();
    await page.locator('.chart canvas').waitFor();
    await shot('pair');
    await go('/actors?q=lavrov');
    await page.locator('table a', { hasText: 'Sergey Lavrov' }).click();
    await page.getByRole('heading', { name: /Sergey Lavrov/ }).waitFor();
    await page.locator('.chart canvas').waitFor();
    await shot('actor');
    await go('/outlets');
    await page.locator('table a').first().waitFor();
    await shot('outlets');
    await go('/documents');
    await page.locator('ul.documents li').first().waitFor();
    await shot('documents');
    await page.fill('header.top input[type=search]', 'foreign minister');
    await page.press('header.top input[type=search]', 'Enter');
    await page.locator('.snippet mark').first().waitFor();
    await shot('search');
  });

  it('shows an event of the samples with its accounts side by side, and its evidence in the text', async () => {
    await go('/?pair=RUS,USA&from=2021-01-01&to=2021-01-31&type=CONSULT');
    await page.locator('ol.events li', { hasText: 'Vladimir Putin' }).filter({ hasText: 'Joe Biden' }).first().locator('a.event-link').click();
    await page.locator('.account').first().waitFor();
    expect(await page.locator('.account').count()).toBeGreaterThan(1);
    await shot('event');
    await page.locator('a.evidence-link').first().click();
    await page.locator('#target').waitFor();
    await shot('document-evidence');
  });

  it('imports the seeds, opens the January 2021 Biden–Putin call, shows both accounts and a divergence, and follows evidence to the highlighted sentence', { skip: seeds.missing ?? false }, async () => {
    await importFiles(readdirSync(seeds.path).map((f) => join(seeds.path, f)));
    await go('/?pair=RUS,USA&from=2021-01-01&to=2021-01-31&type=CONSULT');
    const call = page.locator('ol.events li', { hasText: 'Vladimir Putin' }).filter({ hasText: 'Joe Biden' }).first();
    await call.locator('a.event-link').click();
    await page.locator('.account').first().waitFor();
    // the event the page shows is the one both seeds report: 000 (the Kremlin's and the White House's readouts) and 003
    const id = page.url().split('/events/')[1]!;
    const sources = await page.evaluate(async (ev) => {
      const e = (await (await fetch(`/api/events/${ev}`)).json()) as { documents: string[] };
      return Promise.all(e.documents.map(async (d) => ((await (await fetch(`/api/documents/${d}`)).json()) as { document: { source: string } }).document.source));
    }, id);
    expect(sources.some((s) => s.includes('000_d24973615f068134'))).toBe(true);
    expect(sources.some((s) => s.includes('003_52da43671c9a9608'))).toBe(true);
    const sides = await page.locator('.account').evaluateAll((els) => els.map((e) => e.getAttribute('data-side')));
    expect(sides).toEqual(expect.arrayContaining(['RUS', 'USA']));
    expect(await page.locator('li.divergence').count()).toBeGreaterThan(0);
    expect(await page.locator('.account.has-divergence').count()).toBeGreaterThan(0);
    await shot('seed-event', true);
    const link = page.locator('.account[data-side=RUS] a.evidence-link').first();
    const quoted = (await link.locator('..').innerText()).replace(/\s+/g, ' ');
    await link.click();
    const target = page.locator('#target');
    await target.waitFor();
    expect(await target.isVisible()).toBe(true);
    const highlighted = (await page.locator('.target').allInnerTexts()).join('').replace(/\s+/g, ' ').trim();
    expect(quoted).toContain(highlighted.slice(0, 40));
    await shot('seed-document-evidence', true);
  });

  it('ran without page errors, console errors or dialogs', () => {
    expect(problems).toEqual([]);
  });
});
