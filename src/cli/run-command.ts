import fs from 'node:fs';
import path from 'node:path';
import { Option, type Command } from 'commander';
import { loadTableCatalog } from '../catalog/table-catalog';
import { evaluateKql, KqlEvalError, type EvalTable } from '../kql/eval';
import { declaredTables, declaredWatchlists } from '../check/project-schema-input';
import { KqlSchema } from '../kql/kql-schema';
import { loadProject } from '../load/load-project';
import { normalizeText } from '../load/text-file';
import { watchlistFunction } from '../simulate/watchlist-function';
import { formatTable } from './format-table';
import { EXIT, type CliIo } from './io';
import { DataDirError, inferColumns, loadDataDir, loadExternalData, type DataTable } from './load-data-dir';

interface RunOptions {
  readonly data?: string;
  readonly externalData?: string;
  readonly now?: string;
  readonly format: 'table' | 'json';
}

export function registerRun(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('run <file>')
    .description("run an ad-hoc KQL file offline over sample tables (the project's watchlists and custom tables are available)")
    .option('-d, --data <dir>', 'folder of <Table>.json / <Table>.csv files; not needed for self-contained queries (datatable, print, range)')
    .option('--external-data <file>', 'JSON object of URL -> rows that each externaldata(...) [url] of the query returns (there is no network offline)')
    .option('--now <time>', 'the clock ago() and now() read (ISO-8601)', new Date().toISOString())
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json']).default('table'))
    .action((file: string, options: RunOptions, command: Command) => {
      const root = path.resolve(command.optsWithGlobals().project as string);
      const now = new Date(options.now ?? '');
      if (Number.isNaN(now.getTime())) {
        io.err(`--now ${JSON.stringify(options.now)} is not an ISO-8601 time, e.g. 2026-03-02T12:00:00Z`);
        return setExit(EXIT.usage);
      }
      let text: string;
      try {
        text = normalizeText(fs.readFileSync(file, 'utf8'));
      } catch {
        io.err(`${file}: cannot read the query file`);
        return setExit(EXIT.usage);
      }
      const project = loadProject(root);
      let data: DataTable[] = [];
      let externalData: Record<string, Record<string, unknown>[]> | undefined;
      try {
        data = options.data ? loadDataDir(options.data) : [];
        externalData = options.externalData ? loadExternalData(options.externalData) : undefined;
      } catch (error) {
        if (!(error instanceof DataDirError)) throw error;
        io.err(`error ${error.message}`);
        return setExit(EXIT.contentErrors);
      }
      const catalog = loadTableCatalog();
      const declared = [
        ...declaredTables(project),
        ...data.filter((t) => !catalog.has(t.name) && !project.tables.some((c) => c.props.name === t.name)).map((t) => ({ name: t.name, columns: inferColumns(t.rows) })),
      ];
      const schema = new KqlSchema({ tables: declared, watchlists: declaredWatchlists(project) });
      const tables: Record<string, EvalTable> = Object.fromEntries(data.map((t) => [t.name, { columns: [], rows: t.rows }]));
      try {
        const result = evaluateKql(text, { now, globals: schema.globals, tables, functions: { _GetWatchlist: watchlistFunction(project.watchlists) }, externalData });
        io.out(options.format === 'json' ? `${JSON.stringify(result, null, 2)}\n` : formatTable(result.columns, result.rows));
        setExit(EXIT.ok);
      } catch (error) {
        if (!(error instanceof KqlEvalError)) throw error;
        io.err(`${file}:${error.line}:${error.column} error KQL_EVAL ${error.message.replace(/^\d+:\d+: /, '')}`);
        setExit(EXIT.contentErrors);
      }
    });
}
