import path from 'node:path';
import { validateLoadedProject } from '../src/check/validate-project';
import { kustoLanguage, kustoLoadMilliseconds } from '../src/kql/kusto-bridge';
import { loadProject } from '../src/load/load-project';
import { buildProject } from '../src/render/build-project';
import { generateBenchProject } from './generate-rules';
import { median, time } from './timing';

export interface ValidationFigures {
  readonly rules: number;
  readonly distinctQueries: number;
  readonly kustoLoadMs: number;
  readonly fullBuildMs: number;
  readonly ourValidationPerQueryMs: number;
  readonly bareParseAndAnalyzePerQueryMs: number;
  readonly ratio: number;
}

/**
 * Issue 2's benchmark: a full `build` of 1,000 generated rules, and our validation (bind + every
 * check) against a bare Kusto.Language ParseAndAnalyze loop over the same query texts in the same
 * process, alternating runs so machine noise hits both.
 */
export function runValidationBench(repoRoot: string, count = 1000, rounds = 6): ValidationFigures {
  const loadStarted = performance.now();
  kustoLanguage();
  const kustoLoadMs = kustoLoadMilliseconds() || performance.now() - loadStarted;
  const root = path.join(repoRoot, '.bench-out', 'rules-project');
  generateBenchProject(root, count);

  const build = time(() => buildProject(root, { outDir: path.join(repoRoot, '.bench-out', 'dist') }));
  if (build.value.diagnostics.some((d) => d.severity === 'error')) {
    throw new Error(`bench project has errors:\n${build.value.diagnostics.slice(0, 5).map((d) => `${d.file}:${d.line} ${d.code} ${d.message}`).join('\n')}`);
  }
  const project = loadProject(root);
  const schema = build.value.validated.schema;
  // validate analyzes a query text once however many rules share it, so the bare loop does too.
  const texts = [...new Set(project.rules.map((r) => r.query!.text))];
  const K = kustoLanguage();
  const bare = (): void => {
    for (const text of texts) K.KustoCode.ParseAndAnalyze(text, schema.globals).GetDiagnostics();
  };
  const ours = (): void => void validateLoadedProject(project, { threads: 1 });
  bare();
  ours();
  const bareTimes: number[] = [];
  const ourTimes: number[] = [];
  // Alternate which runs first, so garbage left by one loop is not always collected in the other's time.
  for (let i = 0; i < rounds; i++) {
    if (i % 2 === 0) {
      bareTimes.push(time(bare).ms);
      ourTimes.push(time(ours).ms);
    } else {
      ourTimes.push(time(ours).ms);
      bareTimes.push(time(bare).ms);
    }
  }
  const bareMs = median(bareTimes);
  const ourMs = median(ourTimes);
  return {
    rules: project.rules.length,
    distinctQueries: texts.length,
    kustoLoadMs,
    fullBuildMs: build.ms,
    ourValidationPerQueryMs: ourMs / texts.length,
    bareParseAndAnalyzePerQueryMs: bareMs / texts.length,
    ratio: ourMs / bareMs,
  };
}
