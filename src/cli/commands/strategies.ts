// `huikuan strategies list|show|import|export|activate|deactivate`: collection strategies as JSON files, so
// they can be reviewed and versioned like code. Import validates and saves a new version.
import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { getStrategy } from '../../collections/strategy/get-strategy';
import { listStrategies } from '../../collections/strategy/list-strategies';
import { saveStrategy, setStrategyActive } from '../../collections/strategy/save-strategy';
import { SYSTEM_ACTOR } from '../../platform/auth/actor';
import { invalid, msg } from '../../platform/errors';
import { formatMoney } from '../../shared/money';
import { printJson, withApp } from '../context';

const actor = SYSTEM_ACTOR;
const key = (ref: string) => (/^\d+$/.test(ref) ? { id: Number(ref) } : { name: ref });

export function registerStrategyCommands(program: Command): void {
  const strategies = program.command('strategies').description('collection strategies (催收策略)');

  strategies
    .command('list')
    .description('every version, the active one marked with *')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      await withApp(async (app) => {
        const items = await listStrategies(app.store.db, actor);
        if (options.json) return printJson({ items });
        for (const s of items) {
          process.stdout.write(
            `${s.active ? '*' : ' '} ${s.name} v${s.version}  ${s.label}  (${s.locale}, ${s.stepCount} steps, id ${s.id})\n`,
          );
        }
      });
    });

  strategies
    .command('show <nameOrId>')
    .description('one strategy (by name: the active version, else the latest) with its steps')
    .option('--json', 'print JSON')
    .action(async (ref: string, options: { json?: boolean }) => {
      await withApp(async (app) => {
        const s = await getStrategy(app.store.db, actor, key(ref));
        if (options.json) return printJson(s);
        process.stdout.write(
          `${s.name} v${s.version}${s.active ? ' (active)' : ''} — ${s.label}\n${s.description ?? ''}\n` +
            `stages: early from day ${s.stages.early.fromDay}, strong from day ${s.stages.strong.fromDay}; ` +
            `catch-up ${s.settings.catchUpDays} d, promise grace ${s.settings.promiseGraceDays} d\n\n`,
        );
        for (const step of s.steps) {
          const t = step.trigger;
          const when =
            t.type === 'daysFromDue'
              ? `day ${t.days}`
              : t.type === 'daysInStage'
                ? `+${t.days} d in stage`
                : t.type === 'amountAbove'
                  ? `open amount ≥ ${t.currency} ${formatMoney(t.amount, t.currency)}`
                  : t.type === 'grade'
                    ? `grade ${t.grades.join('/')}`
                    : t.type;
          const repeat = 'repeatEveryDays' in t && t.repeatEveryDays ? `, every ${t.repeatEveryDays} d` : '';
          process.stdout.write(
            `  [${step.stage}] ${when}${repeat}: ${step.action} via ${step.channel} (${step.template}) — ${step.label}\n`,
          );
        }
      });
    });

  strategies
    .command('export <nameOrId>')
    .description('write a strategy definition as JSON (to a file or stdout)')
    .option('--out <file>', 'file to write')
    .action(async (ref: string, options: { out?: string }) => {
      await withApp(async (app) => {
        const {
          id: _id,
          version: _v,
          active: _a,
          ...definition
        } = await getStrategy(app.store.db, actor, key(ref));
        const text = `${JSON.stringify(definition, null, 2)}\n`;
        if (options.out) writeFileSync(options.out, text);
        else process.stdout.write(text);
      });
    });

  strategies
    .command('import <file>')
    .description('save a JSON strategy definition as a new version of its name')
    .option('--activate', 'make the new version the active one')
    .option('--json', 'print JSON')
    .action(async (file: string, options: { activate?: boolean; json?: boolean }) => {
      let definition: unknown;
      try {
        definition = JSON.parse(readFileSync(file, 'utf8'));
      } catch (error) {
        throw invalid(msg('notJsonFile', { file, detail: (error as Error).message }));
      }
      await withApp(async (app) => {
        const saved = await saveStrategy(app.store.db, actor, { definition, activate: options.activate });
        if (options.json) return printJson(saved);
        process.stdout.write(
          `saved ${saved.name} v${saved.version}${saved.active ? ' (active)' : ''}, id ${saved.id}\n`,
        );
      });
    });

  for (const [command, active] of [
    ['activate', true],
    ['deactivate', false],
  ] as const) {
    strategies
      .command(`${command} <nameOrId>`)
      .description(active ? 'turn a strategy on (by name: its latest version)' : 'turn a strategy off')
      .action(async (ref: string) => {
        await withApp(async (app) => {
          const found = await getStrategy(app.store.db, actor, key(ref));
          let id = found.id;
          if (!('id' in key(ref)) && active) {
            const latest = (await listStrategies(app.store.db, actor)).find((s) => s.name === found.name);
            id = latest?.id ?? id;
          }
          const s = await setStrategyActive(app.store.db, actor, { id, active });
          process.stdout.write(`${s.name} v${s.version} is ${s.active ? 'active' : 'off'}\n`);
        });
      });
  }
}
