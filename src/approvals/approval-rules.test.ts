import { describe, expect, it } from 'vitest';
import {
  type ApprovalRule,
  comparableAmount,
  DEFAULT_RULES,
  decisionRefusal,
  requiredSteps,
  ruleProblems,
  withinAuthority,
} from './approval-rules';

const cny = (minor: number) => comparableAmount(minor, 'CNY', 'CNY', 2);
const plan = DEFAULT_RULES.payment_plan;

describe('approval rules', () => {
  it('a collector never acts alone; a team lead within ¥50,000 does', () => {
    expect(withinAuthority(plan, cny(1_00), ['collector'])).toBe(false);
    expect(withinAuthority(plan, cny(50_000_00), ['collection_manager'])).toBe(true);
    expect(withinAuthority(plan, cny(50_000_01), ['collection_manager'])).toBe(false);
    expect(withinAuthority(plan, cny(50_000_01), ['collector', 'collection_manager'])).toBe(false);
  });

  it('an amount in another currency is never within a threshold', () => {
    const usd = comparableAmount(1_00, 'USD', 'CNY', 2);
    expect(withinAuthority(plan, usd, ['collection_manager'])).toBe(false);
    expect(requiredSteps(plan, usd)).toEqual([
      ['collection_manager', 'admin'],
      ['credit_manager', 'admin'],
    ]);
  });

  it('picks the level by amount and adds a second step above the two-step threshold', () => {
    expect(requiredSteps(plan, cny(50_000_00))).toEqual([['collection_manager', 'admin']]);
    expect(requiredSteps(plan, cny(50_000_01))).toEqual([['credit_manager', 'admin']]);
    expect(requiredSteps(plan, cny(200_000_00))).toEqual([['credit_manager', 'admin']]);
    expect(requiredSteps(plan, cny(200_000_01))).toEqual([
      ['collection_manager', 'admin'],
      ['credit_manager', 'admin'],
    ]);
  });

  it('thresholds scale with the base currency’s minor digits', () => {
    const jpy = comparableAmount(50_000, 'JPY', 'JPY', 0);
    expect(withinAuthority(plan, jpy, ['collection_manager'])).toBe(true);
    expect(withinAuthority(plan, { ...jpy, minor: 50_001 }, ['collection_manager'])).toBe(false);
  });

  it('refuses the requester, the system, a second step by the same person and a role without authority', () => {
    const base = {
      deciderId: 7,
      deciderRoles: ['collection_manager'],
      requesterId: 3,
      stepRoles: ['collection_manager', 'admin'],
      earlierApprovers: [] as number[],
    };
    expect(decisionRefusal(base)).toBeNull();
    expect(decisionRefusal({ ...base, requesterId: 7 })).toBe('self');
    expect(decisionRefusal({ ...base, deciderId: null })).toBe('system');
    expect(decisionRefusal({ ...base, earlierApprovers: [7] })).toBe('twice');
    expect(decisionRefusal({ ...base, deciderRoles: ['collector', 'finance'] })).toBe('role');
  });

  it('validates a configured rule', () => {
    for (const rule of Object.values(DEFAULT_RULES)) expect(ruleProblems(rule)).toEqual([]);
    const bad: ApprovalRule = {
      authority: { boss: 5, collector: -1 },
      levels: [
        { upTo: 100, roles: ['collection_manager'] },
        { upTo: 50, roles: [] },
        { upTo: 10, roles: ['admin'] },
      ],
      twoStepAbove: 1.5,
      expiresAfterDays: 0,
    };
    expect(ruleProblems(bad).map((p) => p.field)).toEqual([
      'authority/boss',
      'authority/collector',
      'levels/1/upTo',
      'levels/1/roles',
      'levels/2/upTo',
      'twoStepAbove',
      'expiresAfterDays',
    ]);
  });
});
