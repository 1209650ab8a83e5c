// End-to-end: a sample of the hostile-input corpus (tests/fixtures/hostile/
// cases.json) through the real UI — refused pastes and broken links — each
// showing its message (looked up in src/i18n.rs) with the data unchanged.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { start, expectText } from './browser.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const cases = JSON.parse(readFileSync('tests/fixtures/hostile/cases.json', 'utf8'));

/** The Chinese text of a message key, as a RegExp with its placeholders open. */
function zh(key) {
  const src = readFileSync('src/i18n.rs', 'utf8');
  const m = src.match(new RegExp(`^\\s+${key} => "((?:[^"\\\\]|\\\\.)*)"`, 'm'));
  assert.ok(m, `no message ${key}`);
  const escaped = m[1].replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\\{\d\\\}/g, '.*');
  return new RegExp(escaped);
}

async function paste(page, text) {
  await page.locator('.grid-wrap').focus();
  await page.evaluate((t) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', t);
    document.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true }));
  }, text);
}

test('refused pastes show their message and leave the team data as it was', async () => {
  const sample = cases.filter((c) => c.kind === 'paste' && c.expect !== 'ok' && !c.input.startsWith('@') && c.input.trim() !== '');
  assert.ok(sample.length >= 5, `${sample.length} cases`);
  const { page, context, errors } = await env.open({ locale: 'zh-CN' });
  for (const c of sample) {
    await paste(page, c.input);
    await expectText(page.getByTestId('import-preview'), zh(c.expect));
    assert.equal(await page.getByRole('button', { name: /确认导入/ }).count(), 0, `${c.id}: nothing to confirm`);
    await expectText(page.getByTestId('counts'), '30 名客服 · 19 列');
    await expectText(page.locator('#cell-0-6'), '32.26%');
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('broken links show their message and open nothing', async () => {
  const sample = cases.filter((c) => c.kind === 'link');
  for (const c of sample) {
    const context = await env.browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(env.url + c.input);
    await page.getByRole('grid').waitFor();
    if (c.expect === 'LinkErrNotLink') {
      // An ordinary fragment is not a share link: no message, no prompt.
      assert.equal(await page.locator('.notice').count(), 0, c.id);
    } else {
      await expectText(page.locator('.notice'), zh(c.expect));
    }
    assert.equal(await page.getByTestId('link-prompt').count(), 0, c.id);
    await expectText(page.getByTestId('counts'), '30 名客服 · 19 列');
    assert.deepEqual(errors, [], c.id);
    await context.close();
  }
});

test('a wasm trap or a stack overflow outside Rust shows the crash banner; a script error of someone else does not', async () => {
  const { page, context } = await env.open({ locale: 'zh-CN' });
  // An error that is not ours (e.g. a browser extension's) changes nothing.
  await page.evaluate(() => setTimeout(() => { throw new TypeError('not ours'); }, 0));
  await page.waitForTimeout(200);
  assert.equal(await page.locator('#crash').isVisible(), false);
  // What a trap throws out of an event handler: WebAssembly.RuntimeError.
  await page.evaluate(() => setTimeout(() => { throw new WebAssembly.RuntimeError('unreachable'); }, 0));
  await page.locator('#crash').waitFor({ state: 'visible' });
  await expectText(page.locator('#crash-title'), zh('CrashTitle'));
  await expectText(page.locator('#crash-detail'), /unreachable/);
  // The reload link opens the page again with the autosaved workbook.
  await page.locator('#crash-reload').click();
  await page.getByRole('grid').waitFor();
  assert.equal(await page.locator('#crash').isVisible(), false);
  await context.close();
  // A stack overflow that escaped as a rejected promise shows it too, in English.
  const en = await env.open({ locale: 'en-US' });
  await en.page.evaluate(() => { Promise.reject(new RangeError('Maximum call stack size exceeded')); });
  await en.page.locator('#crash').waitFor({ state: 'visible' });
  await expectText(en.page.locator('#crash-title'), 'Something went wrong');
  await en.context.close();
});
