// "Today" in the web is the business time zone's (HUIKUAN_TIME_ZONE), served by GET /api/config, not the
// browser's date: at 07:30 in Beijing (23:30 UTC the day before) the "due today" filter asked for yesterday.
import { afterAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/app/server';
import { todayIn } from '../../src/shared/dates';
import { dateTimeText, setBusinessTimeZone, todayIso } from '../../web/src/lib/dates';
import { createTestStore, testApp } from '../support/stores';

describe('the business calendar', () => {
  afterAll(() => setBusinessTimeZone(undefined));

  it('the web takes today and timestamps from the business time zone', () => {
    const beijingMorning = new Date('2026-12-07T23:30:00Z');
    setBusinessTimeZone('Asia/Shanghai');
    expect(todayIso(beijingMorning)).toBe('2026-12-08');
    expect(dateTimeText('2026-12-07T23:30:00Z')).toBe('2026-12-08 07:30');
    setBusinessTimeZone('America/New_York');
    expect(todayIso(beijingMorning)).toBe('2026-12-07');
  });

  it('the server says which time zone and which day it is', async () => {
    const test = await createTestStore('pglite');
    const app = testApp(test.store);
    const server = await buildServer({ ...app, config: { ...app.config, timeZone: 'Pacific/Auckland' } });
    const response = await server.inject({ method: 'GET', url: '/api/config' });
    await server.close();
    await test.dispose();
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ timeZone: 'Pacific/Auckland', today: todayIn('Pacific/Auckland') });
  });
});
