import { cell, readAsimCsv, type AsimCsvRow } from './asim-csv';
import { ASIM_FILTERING_PARAMETERS } from './asim-filtering-parameters';
import { parseAsimParameterList, type AsimParameter } from './asim-parameter-list';
import { compareOrdinal } from './reference-dir';

const REQUIRED_HEADERS = [
  'parser_name', 'equivalent_builtin', 'filtering_parser_name', 'filtering_equivalent_builtin',
  'schema', 'sub_parsers', 'parser_params',
] as const;

/** One callable ASIM parser: its name, the schema its rows follow, and its (all optional) parameters. */
export interface AsimFunction {
  readonly name: string;
  readonly schema: string;
  readonly parameters: readonly AsimParameter[];
}

export interface AsimParserNote {
  readonly name: string;
  readonly line: number;
  readonly note: string;
}

export interface AsimParserFunctions {
  /** Sorted by name. */
  readonly functions: readonly AsimFunction[];
  /** parser_params items that are not parameters (left out of the function). */
  readonly parameterProblems: readonly AsimParserNote[];
  /** Filtering parsers with no entry in ASIM_FILTERING_PARAMETERS, typed with the CSV parameters only. */
  readonly withoutFilteringParameters: readonly AsimParserNote[];
  /** Sub-parsers with no row of their own, typed with the parameters of the parser that lists them. */
  readonly subParsersWithoutRow: readonly AsimParserNote[];
  /** Names defined twice with a different schema or parameters (the first is kept), or of an unknown schema. */
  readonly rejected: readonly AsimParserNote[];
}

/**
 * Reads asim_parsers.csv into one function per callable name. A unifying row names four: the
 * workspace `ASim<Schema>` and built-in `_ASim_<Schema>` (parameters from `parser_params`), and
 * the filtering `im<Schema>` and `_Im_<Schema>` (the schema's filter parameters, see
 * ASIM_FILTERING_PARAMETERS). A source row names its `ASim<Schema><Source>` and
 * `_ASim_<Schema>_<Source>`. Names in `sub_parsers` without a row of their own take the listing
 * parser's parameters. `knownSchemas` are the schemas that have columns; others are rejected.
 */
export function readAsimParserFunctions(csvText: string, source: string, knownSchemas: ReadonlySet<string>): AsimParserFunctions {
  const rows = readAsimCsv(csvText, source, REQUIRED_HEADERS);
  const out = {
    byName: new Map<string, AsimFunction & { line: number }>(),
    parameterProblems: [] as AsimParserNote[],
    withoutFilteringParameters: [] as AsimParserNote[],
    subParsersWithoutRow: [] as AsimParserNote[],
    rejected: [] as AsimParserNote[],
  };
  const ownNames = new Set(rows.flatMap((r) => [cell(r, 'parser_name'), cell(r, 'equivalent_builtin'), cell(r, 'filtering_parser_name'), cell(r, 'filtering_equivalent_builtin')]).filter(Boolean));
  for (const row of rows) addRow(row, knownSchemas, out);
  for (const row of rows) {
    const listing = cell(row, 'parser_name');
    const parameters = parametersOf(row, cell(row, 'parser_params'), out.parameterProblems, false);
    for (const sub of cell(row, 'sub_parsers').split(';').map((s) => s.trim()).filter(Boolean)) {
      if (ownNames.has(sub)) continue;
      if (!out.byName.has(sub)) out.subParsersWithoutRow.push({ name: sub, line: row.line, note: `listed by ${listing}` });
      define(out, { name: sub, schema: cell(row, 'schema'), parameters, line: row.line }, knownSchemas);
    }
  }
  const functions = [...out.byName.values()]
    .map(({ name, schema, parameters }) => ({ name, schema, parameters }))
    .sort((a, b) => compareOrdinal(a.name, b.name));
  return {
    functions,
    parameterProblems: out.parameterProblems,
    withoutFilteringParameters: out.withoutFilteringParameters,
    subParsersWithoutRow: dedupeNotes(out.subParsersWithoutRow),
    rejected: out.rejected,
  };
}

type Collector = {
  byName: Map<string, AsimFunction & { line: number }>;
  parameterProblems: AsimParserNote[];
  withoutFilteringParameters: AsimParserNote[];
  rejected: AsimParserNote[];
};

function addRow(row: AsimCsvRow, knownSchemas: ReadonlySet<string>, out: Collector): void {
  const schema = cell(row, 'schema');
  const own = parametersOf(row, cell(row, 'parser_params'), out.parameterProblems, true);
  for (const name of [cell(row, 'parser_name'), cell(row, 'equivalent_builtin')].filter(Boolean)) {
    define(out, { name, schema, parameters: own, line: row.line }, knownSchemas);
  }
  const filteringNames = [cell(row, 'filtering_parser_name'), cell(row, 'filtering_equivalent_builtin')].filter(Boolean);
  if (filteringNames.length === 0) return;
  const workspaceName = cell(row, 'filtering_parser_name');
  const known = ASIM_FILTERING_PARAMETERS[workspaceName];
  if (known === undefined) {
    out.withoutFilteringParameters.push({ name: workspaceName || filteringNames[0], line: row.line, note: 'typed with parser_params only' });
  }
  const filtering = known === undefined ? own : parametersOf(row, known, out.parameterProblems, true);
  for (const name of filteringNames) define(out, { name, schema, parameters: filtering, line: row.line }, knownSchemas);
}

function parametersOf(row: AsimCsvRow, text: string, problems: AsimParserNote[], report: boolean): AsimParameter[] {
  const parsed = parseAsimParameterList(text);
  if (report) for (const note of parsed.problems) problems.push({ name: cell(row, 'parser_name'), line: row.line, note });
  return parsed.parameters;
}

function define(out: Collector, fn: AsimFunction & { line: number }, knownSchemas: ReadonlySet<string>): void {
  if (!knownSchemas.has(fn.schema)) {
    out.rejected.push({ name: fn.name, line: fn.line, note: `schema "${fn.schema}" has no fields in asim_fields.csv` });
    return;
  }
  const earlier = out.byName.get(fn.name);
  if (!earlier) {
    out.byName.set(fn.name, fn);
    return;
  }
  if (earlier.schema !== fn.schema || JSON.stringify(earlier.parameters) !== JSON.stringify(fn.parameters)) {
    out.rejected.push({ name: fn.name, line: fn.line, note: `also defined on line ${earlier.line} with another schema or parameters; that one is kept` });
  }
}

function dedupeNotes(notes: readonly AsimParserNote[]): AsimParserNote[] {
  const seen = new Set<string>();
  return notes.filter((n) => !seen.has(n.name) && Boolean(seen.add(n.name)));
}
