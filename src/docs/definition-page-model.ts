import { ATTACK_TECHNIQUES } from '../catalog/generated/attack-techniques';
import type { Diagnostic } from '../check/diagnostic';
import type { QueryAnalysis } from '../kql/analyze-query';
import type { Tactic } from '../model/enums';
import type { LoadedHuntingQuery, LoadedProject, LoadedRule } from '../load/loaded-project';
import type { LoadedTestCases } from '../load/load-test-cases';
import { tacticLabel, tacticRank, techniqueName, techniqueUrl } from './attack-labels';
import { artifactLink, DOCS_INDEX, pagePath } from './docs-paths';
import { alertDetailRows, scheduleRows, type SettingRow } from './schedule-summary';
import { testCaseRow, type TestCaseRow } from './test-case-summary';

/** Everything a rule or hunting-query page shows, already in display form (escaping is the template's). */
export interface DefinitionPage {
  readonly path: string;
  readonly title: string;
  readonly indexLink: string;
  readonly facts: readonly SettingRow[];
  readonly description: string;
  readonly tactics: string;
  /** Each technique with the rule's tactics it falls under in ATT&CK. */
  readonly techniques: readonly { id: string; url: string; name: string; tactics: string }[];
  readonly query: { readonly text: string; readonly file: string };
  readonly schedule: readonly SettingRow[] | null;
  readonly entities: readonly { entityType: string; identifier: string; column: string }[];
  readonly customDetails: readonly { field: string; column: string }[];
  readonly alertDetails: readonly SettingRow[];
  readonly tables: readonly { table: string; connectors: string }[];
  readonly connectors: readonly { connectorId: string; dataTypes: string }[];
  readonly watchlists: readonly { alias: string; displayName: string; searchKey: string; description: string }[];
  readonly tests: { readonly file: string; readonly cases: readonly TestCaseRow[] } | null;
  /** The `.cases.ts` file beside the definition when it exists but could not be loaded. */
  readonly testsUnloadable: string | null;
  readonly artifacts: readonly { label: string; link: string }[];
  readonly source: string;
}

/** Builds the page of one rule or hunting query; `analysis` gives the tables and watchlists its query reads. */
export function definitionPage(
  definition: LoadedRule | LoadedHuntingQuery,
  analysis: QueryAnalysis | undefined,
  project: LoadedProject,
  cases: { readonly suites: readonly LoadedTestCases[]; readonly diagnostics: readonly Diagnostic[] },
): DefinitionPage {
  const props = definition.props;
  const kind = definition.kind;
  const connectors = props.requiredDataConnectors ?? [];
  const suite = cases.suites.find((s) => s.tests.targetId === props.id && s.tests.kind === kind);
  const casesFile = definition.source.file.replace(/\.ts$/, '.cases.ts');
  const unloadable = !suite && cases.diagnostics.some((d) => d.file === casesFile && d.severity === 'error');
  const watchlistAliases = [...new Set((analysis?.watchlistCalls ?? []).map((c) => c.alias).filter((a): a is string => a !== undefined))];
  return {
    path: pagePath(kind, props.name),
    title: props.name,
    indexLink: `../${DOCS_INDEX}`,
    facts: facts(definition),
    description: props.description,
    tactics: sortedTactics(props.tactics).map(tacticLabel).join(', '),
    techniques: (props.techniques ?? []).map((id) => ({
      id,
      url: techniqueUrl(id),
      name: techniqueName(id) ?? 'not in the ATT&CK catalog',
      tactics: sortedTactics(props.tactics.filter((t) => ATTACK_TECHNIQUES[id]?.tactics.includes(t))).map(tacticLabel).join(', '),
    })),
    query: { text: definition.query?.text ?? '', file: definition.query?.file ?? definition.source.file },
    schedule: definition.kind === 'AnalyticsRule' ? scheduleRows(definition.props) : null,
    entities: (props.entityMappings ?? []).flatMap((m) => m.fieldMappings.map((f) => ({ entityType: m.entityType, identifier: f.identifier, column: f.columnName }))),
    customDetails: definition.kind === 'AnalyticsRule' ? Object.entries(definition.props.customDetails ?? {}).map(([field, column]) => ({ field, column })) : [],
    alertDetails: definition.kind === 'AnalyticsRule' ? alertDetailRows(definition.props) : [],
    tables: (analysis?.tables ?? []).map((table) => ({
      table,
      connectors: connectors.filter((c) => c.dataTypes.includes(table)).map((c) => c.connectorId).join(', ') || 'none declared',
    })),
    connectors: connectors.map((c) => ({ connectorId: c.connectorId, dataTypes: c.dataTypes.join(', ') })),
    watchlists: watchlistAliases.map((alias) => {
      const w = project.watchlists.find((x) => x.props.alias.toLowerCase() === alias.toLowerCase());
      return { alias, displayName: w?.props.displayName ?? '', searchKey: w?.props.searchKey ?? '', description: w?.props.description ?? '' };
    }),
    tests: suite ? { file: suite.file, cases: suite.tests.cases.map(testCaseRow) } : null,
    testsUnloadable: unloadable ? casesFile : null,
    artifacts: [
      { label: 'ARM template (portal import, az deployment)', link: artifactLink(kind, props.name, 'json') },
      { label: 'Azure-Sentinel YAML', link: artifactLink(kind, props.name, 'yaml') },
    ],
    source: definition.source.file,
  };
}

function sortedTactics(tactics: readonly Tactic[]): Tactic[] {
  return [...tactics].sort((a, b) => tacticRank(a) - tacticRank(b));
}

function facts(definition: LoadedRule | LoadedHuntingQuery): SettingRow[] {
  const props = definition.props;
  const rows: SettingRow[] = [];
  if (definition.kind === 'AnalyticsRule') {
    rows.push({ setting: 'Kind', value: `${definition.props.kind === 'NRT' ? 'NRT' : 'Scheduled'} analytics rule` });
    rows.push({ setting: 'Severity', value: definition.props.severity });
  } else {
    rows.push({ setting: 'Kind', value: 'Hunting query' });
  }
  rows.push({ setting: 'Version', value: props.version ?? '1.0.0' });
  rows.push({ setting: 'Id', value: props.id });
  if (props.tags?.length) rows.push({ setting: 'Tags', value: props.tags.join(', ') });
  return rows;
}
