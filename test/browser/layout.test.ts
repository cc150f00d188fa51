// The frame at 1440×900 (the viewport of every browser test): the side bar's collapse button never covers a
// menu item, and the strategy editor's step table fits its column without a horizontal scroll bar.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createUser } from '../../src/auth/create-user';
import { SYSTEM_ACTOR } from '../../src/platform/auth/actor';
import { poll, tableRows, useBrowserEnv } from './support';

// An administrator sees every menu group: the longest menu.
const ADMIN = { username: 'layout.admin', password: 'Layout-Admin-42' };

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Boxes that share more than half a pixel each way (sub-pixel layout rounding is not covering). */
const overlaps = (a: Box, b: Box) =>
  Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x) > 0.5 &&
  Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y) > 0.5;

/** Every menu item, each scrolled into view first, against the collapse button: no box overlaps it. */
async function menuAgainstToggle(page: Page) {
  // (antd's own trigger, .ant-layout-sider-trigger, is what covered the items before.)
  const toggle = page.locator('[data-testid="sider-toggle"], .ant-layout-sider-trigger').first();
  const items = page.locator('nav[aria-label="main"] li.ant-menu-item');
  const count = await items.count();
  const covered: string[] = [];
  for (let k = 0; k < count; k++) {
    const item = items.nth(k);
    await item.scrollIntoViewIfNeeded();
    const [itemBox, toggleBox] = [await item.boundingBox(), await toggle.boundingBox()];
    if (!itemBox || !toggleBox) throw new Error(`no box for menu item ${k} or the toggle`);
    if (overlaps(itemBox, toggleBox)) covered.push(`${await item.textContent()} ${JSON.stringify(itemBox)}`);
  }
  return { count, covered, toggle: await toggle.boundingBox() };
}

describe('layout at 1440×900', { timeout: 240_000 }, () => {
  const env = useBrowserEnv();

  it('keeps the side bar toggle clear of every menu item, expanded and collapsed', async () => {
    await createUser(env().store.db, SYSTEM_ACTOR, {
      username: ADMIN.username,
      displayName: '布局管理员',
      password: ADMIN.password,
      roles: [{ role: 'admin' }],
    });
    const page = await env().open('/login', { signedIn: false });
    expect((await page.request.post('/api/auth/login', { data: ADMIN })).ok()).toBe(true);
    await page.goto('/customers');
    await poll(() => page.locator('nav[aria-label="main"] li.ant-menu-item').count()).toBeGreaterThan(10);
    // The menu is taller than the window: the case the floating trigger covered.
    const menuHeight = await page
      .locator('nav[aria-label="main"] ul')
      .first()
      .evaluate((el) => el.scrollHeight);
    expect(menuHeight).toBeGreaterThan(900 - 56 - 48);

    const expanded = await menuAgainstToggle(page);
    expect(expanded.covered).toEqual([]);
    // The toggle is on screen, at the bottom of the side bar.
    expect(expanded.toggle!.y + expanded.toggle!.height).toBeLessThanOrEqual(900);
    expect(expanded.toggle!.y).toBeGreaterThan(900 - 100);

    await page.locator('[data-testid="sider-toggle"], .ant-layout-sider-trigger').first().click();
    await poll(async () => (await page.locator('.ant-layout-sider').boundingBox())?.width).toBe(80);
    const collapsed = await menuAgainstToggle(page);
    expect(collapsed.count).toBe(expanded.count);
    expect(collapsed.covered).toEqual([]);
    await env().screenshot(page, 'layout-sider-collapsed');
  });

  it('fits the strategy step table in its container without horizontal overflow', async () => {
    const page = await env().open('/customers');
    const strategies = await page.request.get('/api/collections/strategies');
    const standard = (await strategies.json()).items.find((s: { name: string }) => s.name === 'standard');
    await page.goto(`/collections/strategies/${standard.id}`);
    await poll(async () => (await tableRows(page, 'step-table')).length).toBeGreaterThan(5);
    const sizes = await page.getByTestId('step-table').evaluate((table) => {
      const scroller = table.querySelector('.ant-table-content, .ant-table-body') as HTMLElement;
      const column = table.closest('.ant-col') as HTMLElement;
      return {
        scrollWidth: scroller.scrollWidth,
        clientWidth: scroller.clientWidth,
        tableRight: table.getBoundingClientRect().right,
        columnRight: column.getBoundingClientRect().right,
        pageScroll: document.documentElement.scrollWidth,
        pageWidth: document.documentElement.clientWidth,
      };
    });
    expect(sizes.scrollWidth, JSON.stringify(sizes)).toBeLessThanOrEqual(sizes.clientWidth);
    expect(sizes.tableRight).toBeLessThanOrEqual(sizes.columnRight);
    expect(sizes.pageScroll).toBeLessThanOrEqual(sizes.pageWidth);
    await env().screenshot(page, 'layout-strategy-steps');
  });
});
