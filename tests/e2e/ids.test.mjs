// End-to-end (#14 ids, #15): stable ids and intents seen from the UI — a
// template added twice gets two names; a share link lands the recipient on
// the plan and payout model the sender was looking at, with the same total;
// the payouts workspace in English shows no Chinese outside the team's data;
// at phone width the payout totals come before the editor.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, expectText } from './browser.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

// Waits for the select: a workspace's code loads on first use (src/ui/lazy.rs).
const selected = async (page, sel) => {
  await page.locator(sel).waitFor();
  return page.$eval(sel, (s) => s.options[s.selectedIndex].text);
};

test('a template added twice gets two names; the recipient of a link lands on the same plan and total', async () => {
  const a = await env.open({ locale: 'zh-CN' });
  await a.page.getByRole('tab', { name: '考核方案' }).click();
  // The workspace's code loads on first use (src/ui/lazy.rs).
  await a.page.locator('#plan-select').waitFor();
  const before = await a.page.locator('#plan-select option').allInnerTexts();
  await a.page.getByRole('button', { name: '+ 售前模板' }).click();
  await a.page.getByRole('button', { name: '+ 售前模板' }).click();
  const names = await a.page.locator('#plan-select option').allInnerTexts();
  assert.equal(names.length, before.length + 2, names.join(' | '));
  assert.equal(new Set(names).size, names.length, `every plan has its own name: ${names.join(' | ')}`);
  // The second one added is the one on screen.
  assert.equal(await selected(a.page, '#plan-select'), names[names.length - 1]);

  // Payouts: a copy of the model paying a ¥3,000 base, on the new plan.
  await a.page.getByRole('tab', { name: '奖金' }).click();
  assert.equal(await selected(a.page, '#pay-plan'), names[names.length - 1]);
  await a.page.getByRole('button', { name: '复制', exact: true }).click();
  const model = await selected(a.page, '#pay-model');
  assert.equal(model, '月度绩效奖金 (2)');
  await a.page.fill('#pay-c0-base', '3000');
  await a.page.press('#pay-c0-base', 'Enter');
  const total = await a.page.getByTestId('pay-total').innerText();
  assert.notEqual(total, '¥16,080', 'the base changed the total');
  await a.page.getByRole('tab', { name: '数据' }).click();
  await a.page.getByTestId('share-open').click();
  const link = await a.page.getByTestId('share-link').inputValue();
  await a.context.close();

  // A fresh browser opens the link itself (a hash change on an open page is not a new visit).
  const context = await env.browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
  const b = { context, page: await context.newPage(), errors: [] };
  b.page.on('pageerror', (e) => b.errors.push(String(e)));
  await b.page.goto(link);
  await b.page.getByTestId('link-open').click();
  await b.page.getByRole('tab', { name: '奖金' }).click();
  assert.equal(await selected(b.page, '#pay-plan'), names[names.length - 1]);
  assert.equal(await selected(b.page, '#pay-model'), model);
  await expectText(b.page.getByTestId('pay-total'), total);
  assert.deepEqual(b.errors, []);
  await b.context.close();
});

test('the payouts workspace in English: no Chinese outside the team data; totals first on a phone', async () => {
  const { page, context, errors } = await env.open({ locale: 'en-US', viewport: { width: 390, height: 800 } });
  await page.getByRole('tab', { name: 'Payouts' }).click();
  await expectText(page.getByTestId('pay-total'), '¥16,080');
  // The team's own data (agent names, group names) may be Chinese; nothing else.
  const agents = await page.locator('[data-testid=pay-table] tbody th').allInnerTexts();
  const userData = new Set([...agents, '售前', '售后']);
  const text = await page.locator('.workspace.pay').evaluate((el) => {
    const skip = new Set(['wi-agent']);
    const parts = [];
    const walk = (n) => {
      if (n.nodeType === Node.ELEMENT_NODE && (skip.has(n.id) || n.tagName === 'TH' && n.getAttribute('scope') === 'row')) return;
      if (n.nodeType === Node.TEXT_NODE) parts.push(n.textContent);
      for (const c of n.childNodes) walk(c);
    };
    walk(el);
    return parts;
  });
  const cjk = text.map((t) => t.trim()).filter((t) => t && /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/.test(t) && !userData.has(t));
  assert.deepEqual(cjk, [], 'Chinese text in the English payouts workspace');
  // Phone width: the totals are above the model editor.
  const totals = await page.getByTestId('pay-stats').boundingBox();
  const editor = await page.locator('.pay-editor').first().boundingBox();
  assert.ok(totals && editor && totals.y < editor.y, `totals at ${totals?.y}, editor at ${editor?.y}`);
  assert.deepEqual(errors, []);
  await context.close();
});
