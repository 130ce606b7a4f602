// What the first-day walk checks once its refurbished chair is re-issued to another child: the new
// family sees the chair (360 px, axe) but nothing of the previous user, on screen or in the API's
// answers; the previous family no longer sees it.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { deepText, expectAxeClean, expectFitsWidth, fetchJson, main } from './first-day-steps.ts';

/** Steps of a chair's life before its new user's time with it: never on the new family's page. */
const BEFORE_HAND_OVER = ['received', 'returned', 'refurbishment_started', 'refurbished'];

/** Everything a family's session can ask the API about a chair, its work orders and its reports, as one text. */
async function familyAnswers(page: Page, chairId: string): Promise<string> {
  const paths = [`/api/devices/${chairId}`, `/api/devices/${chairId}/history`, '/api/devices?limit=50', '/api/work-orders?limit=50', '/api/reports?limit=50'];
  const answers = await Promise.all(paths.map((p) => fetchJson(page, 'GET', p)));
  expect(answers.map((a) => a.status)).toEqual(paths.map(() => 200));
  return JSON.stringify(answers.map((a) => a.body));
}

/**
 * On the new family's Home (reloaded): the chair by its label, its history opened, with steps for
 * their own child only; none of `hidden` (the previous child's name and id, her family's report, the
 * work done before the hand-over) on the page or in the API's answers.
 */
export async function expectOnlyTheirTime(page: Page, chair: { id: string; label: string }, ownChild: string, hidden: string[]): Promise<void> {
  await page.reload();
  const card = main(page).locator(`[data-chair="${chair.id}"]`);
  await card.waitFor();
  expect(await card.getAttribute('aria-label')).toBe(chair.label);
  const history = main(page).locator(`[data-history-for="${chair.id}"]`);
  await history.locator('summary').click();
  const steps = history.locator('[data-history] li');
  await steps.first().waitFor();
  const kinds = await steps.evaluateAll((items) => items.map((li) => li.getAttribute('data-kind')));
  expect(kinds.filter((k) => BEFORE_HAND_OVER.includes(k ?? ''))).toEqual([]);
  expect((await steps.allInnerTexts()).join('\n')).toContain(ownChild);
  const seen = `${await deepText(page)}\n${await familyAnswers(page, chair.id)}`;
  expect(hidden.filter((h) => seen.includes(h))).toEqual([]);
  await expectFitsWidth(page);
  await expectAxeClean(page);
}

/** On the previous family's Home (reloaded): their child is there, the chair is not, and the API refuses it (404). */
export async function expectChairGone(page: Page, chairId: string, child: string): Promise<void> {
  await page.reload();
  await main(page).getByRole('link', { name: child }).waitFor();
  expect(await main(page).locator(`[data-chair="${chairId}"]`).count()).toBe(0);
  const answers = await Promise.all([`/api/devices/${chairId}`, `/api/devices/${chairId}/history`].map((p) => fetchJson(page, 'GET', p)));
  expect(answers.map((a) => a.status)).toEqual([404, 404]);
  expect(JSON.stringify((await fetchJson(page, 'GET', '/api/devices?limit=50')).body)).not.toContain(chairId);
  await expectAxeClean(page);
}
