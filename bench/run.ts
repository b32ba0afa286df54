import path from 'node:path';
import { runValidationBench } from './validation-bench';
import { runEvaluatorBench } from './evaluator-bench';
import { printDeployBench } from './deploy-bench';
import { runImportBench } from './import-bench';
import { formatCorpusValidationFigures, runCorpusValidationBench } from './corpus-validation-bench';

/** `npm run bench`: prints each figure; ratios are measured in the same run to cancel machine noise. */
function main(): void {
  const root = path.join(__dirname, '..');
  const v = runValidationBench(root);
  const lines = [
    `validation (issue 2), ${v.rules} generated rules (${v.distinctQueries} distinct query texts; per-query figures are per distinct text):`,
    `  Kusto.Language one-time load      ${v.kustoLoadMs.toFixed(0)} ms`,
    `  full build (load+validate+render+write) ${(v.fullBuildMs / 1000).toFixed(2)} s`,
    `  our validation per query          ${v.ourValidationPerQueryMs.toFixed(2)} ms`,
    `  bare ParseAndAnalyze per query    ${v.bareParseAndAnalyzePerQueryMs.toFixed(2)} ms`,
    `  ratio ours / bare                 ${v.ratio.toFixed(2)}x (target <= 1.3x)`,
  ];
  console.log(lines.join('\n'));
  const e = runEvaluatorBench(root);
  console.log(
    [
      `evaluator (issue 4), FIC detection over ${e.activityRows.toLocaleString('en')} AzureActivity + ${e.signInRows.toLocaleString('en')} SigninLogs rows (${e.resultRows} result rows):`,
      `  simulateRule                      ${e.oursMs.toFixed(0)} ms (${Math.round(e.rowsPerSecond).toLocaleString('en')} input rows/s)`,
      `  hand-written TypeScript           ${e.handWrittenMs.toFixed(0)} ms`,
      `  ratio ours / hand-written         ${e.ratio.toFixed(1)}x (target <= 5x)`,
    ].join('\n'),
  );
  const i = runImportBench(root);
  console.log(
    [
      `import (issue 5), ${i.rules} Azure-Sentinel YAML rules from the public corpus:`,
      `  read, convert, print, write       ${i.importPerRuleMs.toFixed(2)} ms per rule (${(i.importMs / 1000).toFixed(2)} s)`,
      `  ... then validate (the default)   ${i.importAndValidatePerRuleMs.toFixed(2)} ms per rule (${(i.importAndValidateMs / 1000).toFixed(2)} s)`,
    ].join('\n'),
  );
  console.log(formatCorpusValidationFigures(runCorpusValidationBench(root)));
  printDeployBench(root).catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}

if (require.main === module) main();
