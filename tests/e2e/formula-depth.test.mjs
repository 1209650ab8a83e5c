// End-to-end (#14): a share link and a saved file whose workbook carries a
// 100,000-term formula open, the column computes and the page keeps working;
// a formula nested at the limit computes; one nested past it is refused with
// a clear message (no "Maximum call stack size exceeded", tabs respond).
//
// The links are built here from the app's own link: its JSON is taken out
// (base64url → zlib, CRC-32 at the end), a formula column is added, and it
// is packed again the same way (src/io/share.rs).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import zlib from 'node:zlib';
import { start, expectText } from './browser.mjs';

let env;
let base; // the demo workbook as the app shares it: { url, json }
before(async () => {
  env = await start();
  const a = await env.open({ locale: 'zh-CN' });
  await a.page.getByTestId('share-open').click();
  const link = await a.page.getByTestId('share-link').inputValue();
  await a.context.close();
  const [url, data] = link.split('#share=1.');
  const sealed = Buffer.from(data, 'base64url');
  const json = JSON.parse(zlib.inflateSync(sealed.subarray(0, sealed.length - 4)).toString('utf8'));
  base = { url, json };
});
after(async () => { await env?.close(); });

const N = 100_000;
// [询单人数] + 1 + 1 + … : 100,000 terms.
const LONG = '[询单人数]' + '+1'.repeat(N - 1);
// 64 nesting levels (the limit), each stepping through every precedence
// level: "1=1&1+1*1^-(…)" is a sign and a bracket. Its value is FALSE
// (1 = "12" at every level; worked out in tests/formula_depth.rs).
let AT_LIMIT = '1';
for (let i = 0; i < 32; i++) AT_LIMIT = `1=1&1+1*1^-(${AT_LIMIT})`;
const TOO_DEEP = `${'('.repeat(100_000)}1${')'.repeat(100_000)}`;

/** The base workbook with formula columns `cols` ([name, formula]) appended to the current month. */
function withFormulas(cols) {
  const json = structuredClone(base.json);
  const month = json.months.find((m) => m.month === json.current_month);
  const like = month.columns.find((c) => c.name === '询单人数');
  for (const [name, formula] of cols) {
    month.columns.push({ name, metric: null, unit: like.unit, direction: like.direction, formula });
    for (const row of month.rows) row.push(null);
  }
  return { json, width: month.columns.length };
}

function link(json) {
  const packed = zlib.deflateSync(Buffer.from(JSON.stringify(json), 'utf8'), { level: 9 });
  const crc = Buffer.alloc(4);
  crc.writeUInt32LE(zlib.crc32(packed));
  return `${base.url}#share=1.${Buffer.concat([packed, crc]).toString('base64url')}`;
}

async function fresh(url) {
  const context = await env.browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(url);
  await page.getByRole('grid').waitFor();
  return { context, page, errors };
}

/** The page still works: every tab opens and the grid edits. */
async function stillWorks(page) {
  await page.getByRole('tab', { name: '成绩' }).click();
  await page.getByTestId('total-0').waitFor();
  await page.getByRole('tab', { name: '数据' }).click();
  await page.locator('#cell-0-6').click();
  await page.keyboard.type('55');
  await page.keyboard.press('Enter');
  await expectText(page.locator('#cell-0-6'), '55.00%');
}

test('a share link with a 100,000-term formula opens and computes', async () => {
  const { json, width } = withFormulas([['长公式', LONG], ['深公式', AT_LIMIT]]);
  const url = link(json);
  assert.ok(url.length < 10_000, `the chain compresses: ${url.length} characters`);
  const b = await fresh(url);
  await b.page.getByTestId('link-open').click();
  // 小雨's 询单人数 is 1404: 1404 + 99,999 = 101,403.
  await expectText(b.page.locator(`#cell-0-${width - 2}`), /^101,?403(\.0+)?$/, 10_000);
  await expectText(b.page.locator(`#cell-0-${width - 1}`), /FALSE/);
  // Selecting the column shows its formula (coloured only at the start).
  await b.page.locator(`#cell-0-${width - 2}`).click();
  await expectText(b.page.locator('.fx-preview'), /^\[询单人数\]\+1\+1/, 10_000);
  await stillWorks(b.page);
  assert.deepEqual(b.errors, []);
  await b.context.close();
});

test('a saved file with a 100,000-term formula opens and computes', async () => {
  const { json, width } = withFormulas([['长公式', LONG]]);
  const dir = mkdtempSync(join(tmpdir(), 'kpi-depth-'));
  const path = join(dir, '长公式.json');
  writeFileSync(path, JSON.stringify(json));
  const b = await env.open({ locale: 'zh-CN' });
  await b.page.getByLabel('打开文件').setInputFiles(path);
  await b.page.getByRole('button', { name: '打开此工作簿' }).click();
  await expectText(b.page.locator(`#cell-0-${width - 1}`), /^101,?403(\.0+)?$/, 10_000);
  await stillWorks(b.page);
  assert.deepEqual(b.errors, []);
  await b.context.close();
});

test('a link with a formula nested past the limit is refused with a clear message', async () => {
  const { json } = withFormulas([['太深', TOO_DEEP]]);
  const b = await fresh(link(json));
  await expectText(b.page.locator('.notice'), /公式嵌套太深：括号、函数、正负号和 % 最多嵌套 64 层/, 10_000);
  await expectText(b.page.locator('#cell-0-6'), '32.26%');
  await stillWorks(b.page);
  assert.deepEqual(b.errors, []);
  await b.context.close();
});
