// End-to-end: axe-core over every workspace in both languages. Prints the
// count of violations per workspace and impact, and fails on any serious or
// critical one (the rule ids and the elements are in the message).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { start } from './browser.mjs';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

async function audit(page) {
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
  });
}

for (const locale of ['zh-CN', 'en-US']) {
  test(`axe-core: no serious or critical violation in any workspace (${locale})`, async () => {
    const { page, context } = await env.open({ locale });
    const tabs = page.getByRole('tab');
    const n = await tabs.count();
    assert.ok(n >= 5, `${n} workspaces`);
    const report = [];
    const bad = [];
    for (let i = 0; i < n; i += 1) {
      const tab = tabs.nth(i);
      const name = (await tab.innerText()).trim();
      await tab.click();
      // Audit the workspace, not its loading line (its code loads on first use).
      await page.waitForFunction(() => !document.querySelector('section.panel > p.loading'));
      await page.waitForTimeout(300);
      // The grid with a range selected and the find bar open, too.
      if (i === 0) {
        await page.locator('#cell-0-1').click();
        await page.keyboard.press('Shift+ArrowDown');
        await page.keyboard.press('Control+f');
      }
      const v = await audit(page);
      const count = (impact) => v.filter((x) => x.impact === impact).length;
      report.push(`${name}: critical ${count('critical')}, serious ${count('serious')}, moderate ${count('moderate')}, minor ${count('minor')}`);
      for (const x of v.filter((x) => x.impact === 'serious' || x.impact === 'critical')) bad.push(`${name} ${x.impact} ${x.id}: ${x.nodes.join(' | ')}`);
    }
    console.log(`axe ${locale}\n  ${report.join('\n  ')}`);
    assert.deepEqual(bad, [], bad.join('\n'));
    await context.close();
  });
}
