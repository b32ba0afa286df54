import type { EntryResult } from '../../src/deploy/apply-plan';
import type { PlanEntry } from '../../src/deploy/deploy-plan';
import { formatSummary, isInteractive, progressReporter } from '../../src/deploy/deploy-progress';

const entry = (name: string): PlanEntry => ({ kind: 'AnalyticsRule', name, displayName: name, action: 'create', reason: 'new analytics rule', changes: [], notes: [], drifted: false, metadataOnly: false, dependsOn: [] });
const done = (e: PlanEntry): EntryResult => ({ entry: e, status: 'done', writes: 2, ms: 12 });

test('a terminal gets one status line rewritten in place; failures stay on their own line', () => {
  let screen = '';
  const p = progressReporter({ write: (t) => void (screen += t), interactive: true }, 'prod', 2);
  const a = entry('A');
  const b = entry('B');
  p.onEvent({ type: 'start', entry: a });
  p.onEvent({ type: 'start', entry: b });
  p.onEvent({ type: 'end', result: done(a) });
  p.onEvent({ type: 'end', result: { entry: b, status: 'failed', message: 'analytics rule "B" (B): 500 after retries', writes: 1, ms: 5 } });
  p.done();
  expect(screen).toBe(
    '[prod] 1/2 finished, 1 in progress: done    create analytics rule "A" (2 writes, 12 ms)' +
      '\r\x1b[2K[prod] FAILED  analytics rule "B" (B): 500 after retries\n[prod] 2/2 finished, 0 in progress' +
      '\r\x1b[2K',
  );
});

test('CI and pipes get one plain line per item', () => {
  const lines: string[] = [];
  const p = progressReporter({ write: (t) => void lines.push(t), interactive: false }, 'dev', 1);
  p.onEvent({ type: 'end', result: done(entry('A')) });
  expect(lines).toEqual(['[dev] done    create analytics rule "A" (2 writes, 12 ms)\n']);
  expect(isInteractive({ isTTY: true }, { CI: 'true' })).toBe(false);
  expect(isInteractive({ isTTY: true }, {})).toBe(true);
  expect(isInteractive({}, {})).toBe(false);
});

test('the summary aligns its columns and lists each failure with its reason', () => {
  const text = formatSummary([['prod', '1', '0', '0', '3', '0', '1', '0', '4', '1.2 s']], ['prod: analytics rule "B" (B): 500 after retries']);
  expect(text).toBe(
    [
      'Environment  Created  Updated  Deleted  Unchanged  Drifted  Failed  Skipped  Writes   Time',
      '-----------  -------  -------  -------  ---------  -------  ------  -------  ------  -----',
      'prod               1        0        0          3        0       1        0       4  1.2 s',
      '',
      '1 failure:',
      '  prod: analytics rule "B" (B): 500 after retries',
      '',
    ].join('\n'),
  );
});
