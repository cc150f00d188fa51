// Issue 15: the first message a customer receives must not claim earlier contact ("我们此前已就…联系", "Second
// notice"). Any time step can be the first: a debt imported at any age is caught up to the latest step of its
// stage. This walks the shipped strategies' step orders — a case first reached on each day from 10 days
// before its due date to 200 days after — takes the message templates that can speak first, and checks their
// texts in every locale.
import { describe, expect, it } from 'vitest';
import type { CaseSnapshot } from '../../src/collections/engine/case-state';
import { evaluateCase } from '../../src/collections/engine/evaluate';
import { DEFAULT_STRATEGIES } from '../../src/collections/strategy/default-strategies';
import { MESSAGE_ACTIONS, type Strategy } from '../../src/collections/strategy/strategy-schema';
import { LOCALES } from '../../src/collections/templates/registry';
import { addDays } from '../../src/shared/dates';

const CLAIMS_EARLIER_CONTACT = [
  /此前/,
  /已多次/,
  /再次/,
  /屡次/,
  /已.{0,4}提醒/,
  /second notice/i,
  /\bagain\b/i,
  /previous/i,
  /despite our/i,
  /we have (contacted|written|reminded)/i,
  /several times|repeatedly/i,
];

function firstMessages(strategy: Strategy): Map<string, number> {
  const due = '2026-06-01';
  const found = new Map<string, number>();
  for (let day = -10; day <= 200; day++) {
    const asOf = addDays(due, day);
    const snap: CaseSnapshot = {
      caseId: 1,
      openedOn: asOf,
      stage: 'reminder',
      stageSince: asOf,
      stageClock: {},
      stageFloor: null,
      manualStatus: null,
      pausedUntil: null,
      anchorDueOn: due,
      holdSpans: [],
      amountIn: () => 8_000_000,
      grade: null,
      promises: [],
      plans: [],
      strategyName: null,
      strategySince: null,
    };
    const ev = evaluateCase(snap, strategy, asOf);
    for (const d of ev.due)
      if (!d.skipped && MESSAGE_ACTIONS.has(d.step.action) && !found.has(d.step.template))
        found.set(d.step.template, day);
  }
  return found;
}

describe('first-contact texts', () => {
  for (const def of DEFAULT_STRATEGIES) {
    const strategy: Strategy = { ...def, id: 1, version: 1, active: true };
    it(`${def.name}: no message that can come first claims earlier contact`, () => {
      const first = firstMessages(strategy);
      // Most of the strategy's message templates can be the first one a customer receives.
      expect(first.size).toBeGreaterThanOrEqual(3);
      for (const [template, day] of first) {
        for (const [locale, texts] of Object.entries(LOCALES)) {
          const text = `${texts[template].subject}\n${texts[template].body}`;
          for (const claim of CLAIMS_EARLIER_CONTACT)
            expect(text, `${template} (${locale}), first on day ${day}`).not.toMatch(claim);
        }
      }
    });
  }
});
