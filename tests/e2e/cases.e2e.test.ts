// Cases end-to-end: real server (demo content) + the built web UI in headless Chromium. An operator's
// candidate is recorded through the intake form, then an officer walks it from detection to
// resolution in the case page (verify, identify owner, notice PDF, resolve), and the public
// look-up page (no login) shows it as handled without any owner data.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { ADMIN_PASSWORD, startE2e, type E2e } from './harness';

let e2e: E2e;

before(async () => {
  e2e = await startE2e('cases');
});

after(() => e2e.close());

const newPage = () => e2e.newPage();

async function act(page: Page, action: string, status: string): Promise<void> {
  await page.click(`[data-testid=action-${action}]`);
  await page.waitForSelector(`[data-testid=case-detail][data-status=${status}]`);
}

test('a case walks from detection to resolution in the browser', { timeout: 90_000 }, async () => {
  const page = await newPage();
  await e2e.login(page, 'admin', ADMIN_PASSWORD);

  // The review queue holds the demo's detected cases.
  await page.click('[data-testid=nav-cases]');
  await page.waitForSelector('[data-testid=case-row]');

  // Intake: a bad plate is refused beside its field, then a good one is recorded.
  await page.click('[data-testid=case-new]');
  await page.waitForSelector('[data-testid=intake-form]');
  await page.fill('[data-testid=intake-place]', 'Ngã tư trung tâm');
  await page.selectOption('[data-testid=intake-type]', '168/2024/6.9.b');
  await page.selectOption('[data-testid=intake-vehicle]', 'car');
  await page.fill('[data-testid=intake-plate]', 'ABC');
  await page.click('[data-testid=intake-submit]');
  await page.waitForSelector('[data-testid="error-plate.text"]');
  await page.fill('[data-testid=intake-plate]', '74A-056.78');
  await page.click('[data-testid=intake-submit]');
  await page.waitForSelector('[data-testid=case-detail][data-status=detected]');
  assert.match(await page.locator('[data-testid=case-deadline]').innerText(), /Xác định chủ xe trước/);

  await act(page, 'verify', 'verified');
  await act(page, 'identify_owner', 'owner_identified');
  assert.match(await page.locator('[data-testid=case-owner]').innerText(), /Đặng Văn Mạnh/);
  await act(page, 'issue_notice', 'notice_issued');
  assert.match(await page.locator('[data-testid=case-notice]').innerText(), /TB-/);
  const caseUrl = page.url();
  const caseId = caseUrl.split('/').pop()!;

  // The notice PDF opens (fetched with the session's token).
  const popup = page.waitForEvent('popup');
  await page.click('[data-testid=notice-pdf]');
  await (await popup).close();

  await page.fill('[data-testid=action-decision]', '15/QĐ-XPVPHC');
  await page.fill('[data-testid=action-amount]', '18000000');
  await act(page, 'resolve', 'resolved');
  assert.match(await page.locator('[data-testid=case-decision]').innerText(), /15\/QĐ-XPVPHC/);
  const history = await page.locator('[data-testid=case-history] li').allInnerTexts();
  assert.equal(history.length, 5);
  await page.click('[data-testid=evidence-check]');
  await page.waitForSelector('[data-testid=evidence-result]');

  // Reports draw charts for the period.
  await page.click('[data-testid=nav-reports]');
  await page.waitForSelector('[data-testid=report-summary]');
  assert.match(await page.locator('[data-testid=report-summary]').innerText(), /vụ/);
  await page.waitForSelector('[data-testid=chart-incident-type] rect');

  // The public look-up works without login and shows the case as handled, without the owner.
  const anon = await newPage();
  await anon.goto(`${e2e.url}/#/tra-cuu`);
  await anon.waitForSelector('[data-testid=public-lookup]');
  await anon.fill('[data-testid=lookup-plate]', '74A05678');
  await anon.selectOption('[data-testid=lookup-vehicle]', 'car');
  await anon.click('[data-testid=lookup-submit]');
  await anon.waitForSelector('[data-testid=lookup-result]');
  const text = await anon.locator('[data-testid=public-lookup]').innerText();
  assert.match(text, /Đã xử phạt/);
  assert.ok(!text.includes('Đặng Văn Mạnh'), 'owner name must not be shown');
  assert.ok(caseId.length > 10);
});
