import path from 'node:path';
import { validateProject } from '../src/check/validate-project';
import { simulateRule } from '../src/simulate/simulate-rule';
import { median, time } from './timing';

type Row = Record<string, unknown>;

const NOW = new Date('2026-03-02T12:00:00Z');
const FIC_WRITE = 'MICROSOFT.MANAGEDIDENTITY/USERASSIGNEDIDENTITIES/FEDERATEDIDENTITYCREDENTIALS/WRITE';
const OID_CLAIM = 'http://schemas.microsoft.com/identity/claims/objectidentifier';

/** Deterministic sample data: `n` AzureActivity rows (2% FIC writes) and `n` interactive sign-ins. */
function generate(n: number): { activity: Row[]; signIns: Row[] } {
  const activity: Row[] = [];
  const signIns: Row[] = [];
  for (let i = 0; i < n; i++) {
    const at = new Date(NOW.getTime() - ((i * 7919) % 3_000_000)).toISOString();
    const fic = i % 50 === 0;
    activity.push({
      TimeGenerated: at,
      OperationNameValue: fic ? FIC_WRITE : 'MICROSOFT.COMPUTE/VIRTUALMACHINES/WRITE',
      ActivityStatusValue: i % 7 === 0 ? 'Failure' : 'Success',
      Caller: `user${i % 500}@contoso.example`,
      CallerIpAddress: `198.51.100.${i % 250}`,
      Claims_d: { [OID_CLAIM]: `00000000-0000-4000-8000-${String(i % 500).padStart(12, '0')}`, uti: `uti-${i}` },
      Authorization_d: { evidence: { role: i % 3 === 0 ? 'Owner' : 'Contributor' } },
      Properties_d: { hierarchy: `tenant/${i % 4 === 0 ? 'mg-sandbox' : 'example-mg-platform'}/sub-${i % 10}` },
      Hierarchy: '',
      SubscriptionId: `sub-${i % 10}`,
      _ResourceId: `/subscriptions/sub-${i % 10}/resourcegroups/rg/providers/microsoft.managedidentity/userassignedidentities/uami-${i % 40}/federatedidentitycredentials/fic-${i}`,
      EventDataId: `event-${i}`,
      CorrelationId: `corr-${i}`,
    });
    signIns.push({
      TimeGenerated: new Date(NOW.getTime() - ((i * 104729) % 80_000_000)).toISOString(),
      UniqueTokenIdentifier: `uti-${i}`,
      IPAddress: `203.0.113.${i % 250}`,
      RiskLevelDuringSignIn: ['none', 'none', 'low', 'medium', 'high'][i % 5],
    });
  }
  return { activity, signIns };
}

/**
 * What the detection does, written by hand in TypeScript over the same rows: the baseline for the
 * evaluator. Same filters, the same sign-in join by token id (latest sign-in wins), same severity.
 */
function handWritten(activity: readonly Row[], signIns: readonly Row[], scopes: ReadonlySet<string>, actors: ReadonlySet<string>, roles: ReadonlySet<string>): Row[] {
  const windowStart = NOW.getTime() - 3_600_000;
  const signInStart = NOW.getTime() - 3_600_000 - 86_400_000;
  const latest = new Map<string, Row>();
  for (const s of signIns) {
    const t = Date.parse(String(s.TimeGenerated));
    const uti = String(s.UniqueTokenIdentifier ?? '');
    if (t <= signInStart || !uti) continue;
    const seen = latest.get(uti);
    if (!seen || Date.parse(String(seen.TimeGenerated)) < t) latest.set(uti, s);
  }
  const out: Row[] = [];
  for (const a of activity) {
    if (Date.parse(String(a.TimeGenerated)) <= windowStart) continue;
    if (String(a.OperationNameValue).toUpperCase() !== FIC_WRITE || String(a.ActivityStatusValue).toLowerCase() !== 'success') continue;
    const claims = a.Claims_d as Record<string, string>;
    const hierarchy = String((a.Properties_d as Record<string, string>).hierarchy || a.Hierarchy).toLowerCase();
    const segments = `${hierarchy}/${String(a.SubscriptionId).toLowerCase()}`.split('/');
    if (scopes.size > 0 && !segments.some((s) => scopes.has(s))) continue;
    const oid = String(claims[OID_CLAIM]).toLowerCase();
    const role = String((a.Authorization_d as { evidence: { role: string } }).evidence.role);
    if (actors.has(oid) || roles.has(role.toLowerCase())) continue;
    const signIn = latest.get(String(claims.uti));
    const risk = signIn ? String(signIn.RiskLevelDuringSignIn).toLowerCase() : 'unknown';
    out.push({ ...a, CallerObjectId: oid, SignInRiskLevel: risk, AlertSeverity: ['low', 'medium', 'high'].includes(risk) ? 'High' : 'Medium' });
  }
  return out;
}

export interface EvaluatorFigures {
  readonly activityRows: number;
  readonly signInRows: number;
  readonly resultRows: number;
  readonly oursMs: number;
  readonly handWrittenMs: number;
  readonly rowsPerSecond: number;
  readonly ratio: number;
}

/** Issue 4's benchmark: the FIC detection simulated over n + n rows against the hand-written baseline, same run. */
export function runEvaluatorBench(repoRoot: string, n = 100_000, rounds = 3): EvaluatorFigures {
  const validated = validateProject(repoRoot);
  const rule = validated.project.rules.find((r) => r.props.id === '9e9a52b2-0fd7-4e46-be5c-191c737cd2f7')!;
  const { activity, signIns } = generate(n);
  const watchlists = {
    FicMonitoredScopes: [{ Scope: 'example-mg-platform', Description: '' }],
    FicAuthorizedActors: [{ ObjectId: '00000000-0000-4000-8000-000000000007', DisplayName: '', Justification: '' }],
    FicAuthorizedRoles: [{ RoleName: 'Owner', Justification: '' }],
    FicAuthorizedGroups: [],
  };
  const ours = (): number => simulateRule(validated, rule, { AzureActivity: activity, SigninLogs: signIns } as never, { now: NOW, watchlists }).rows.length;
  const baseline = (): number => handWritten(activity, signIns, new Set(['example-mg-platform']), new Set(['00000000-0000-4000-8000-000000000007']), new Set(['owner'])).length;
  const expected = baseline();
  const got = ours();
  if (got !== expected) throw new Error(`evaluator and hand-written baseline disagree: ${got} vs ${expected} rows`);
  const ourTimes: number[] = [];
  const baseTimes: number[] = [];
  for (let i = 0; i < rounds; i++) {
    ourTimes.push(time(ours).ms);
    baseTimes.push(time(baseline).ms);
  }
  const oursMs = median(ourTimes);
  const handWrittenMs = median(baseTimes);
  return { activityRows: n, signInRows: n, resultRows: got, oursMs, handWrittenMs, rowsPerSecond: (2 * n) / (oursMs / 1000), ratio: oursMs / handWrittenMs };
}

if (require.main === module) console.log(runEvaluatorBench(path.join(__dirname, '..')));
