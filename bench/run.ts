import path from 'node:path';
import { runValidationBench } from './validation-bench';

/** `npm run bench`: prints each figure; ratios are measured in the same run to cancel machine noise. */
function main(): void {
  const root = path.join(__dirname, '..');
  const v = runValidationBench(root);
  const lines = [
    `validation (issue 2), ${v.rules} generated rules:`,
    `  Kusto.Language one-time load      ${v.kustoLoadMs.toFixed(0)} ms`,
    `  full build (load+validate+render+write) ${(v.fullBuildMs / 1000).toFixed(2)} s`,
    `  our validation per query          ${v.ourValidationPerQueryMs.toFixed(2)} ms`,
    `  bare ParseAndAnalyze per query    ${v.bareParseAndAnalyzePerQueryMs.toFixed(2)} ms`,
    `  ratio ours / bare                 ${v.ratio.toFixed(2)}x (target <= 1.3x)`,
  ];
  console.log(lines.join('\n'));
}

if (require.main === module) main();
