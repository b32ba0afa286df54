import fs from 'node:fs';
import path from 'node:path';
import type { Command, Option } from 'commander';
import { parse } from 'yaml';
import { createProgram } from '../../src/cli/main';

const ROOT = path.join(__dirname, '..', '..');
const PIPELINES = ['.github/workflows/sentinel-content.yml', 'azure-pipelines.yml'];
/** Pipeline expressions (`${{ matrix.x }}`, `$(var)`) stand for values the CI engine fills in. */
const PLACEHOLDER = '<pipeline-value>';

/** Every shell script in a pipeline: GitHub `run`, Azure DevOps `script` and AzureCLI `inlineScript`. */
function scripts(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => scripts(n, out));
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if ((key === 'run' || key === 'script' || key === 'inlineScript') && typeof value === 'string') out.push(value);
      else scripts(value, out);
    }
  }
  return out;
}

/** The argv of each `npx sentinel-cac ...` call in a script, up to the end of its shell command. */
function invocations(script: string): string[][] {
  const calls: string[][] = [];
  for (const match of script.matchAll(/npx sentinel-cac ([^\n;|&]*)/g)) {
    const text = match[1].replace(/\$\{\{[^}]*\}\}/g, PLACEHOLDER).replace(/\$\([^)]*\)[^\s]*/g, PLACEHOLDER);
    calls.push(text.trim().split(/\s+/).filter(Boolean));
  }
  return calls;
}

function findOption(options: readonly Option[], token: string): Option | undefined {
  return options.find((o) => o.long === token || o.short === token);
}

/** Checks argv against the real command tree: the command exists, every flag is known, values are allowed. */
function problems(program: Command, argv: readonly string[]): string[] {
  const [name, ...rest] = argv;
  const command = program.commands.find((c) => c.name() === name);
  if (!command) return [`unknown command ${name}`];
  const found: string[] = [];
  let positionals = 0;
  for (let i = 0; i < rest.length; i++) {
    const token = rest[i];
    if (!token.startsWith('-')) {
      positionals++;
      continue;
    }
    const option = findOption(command.options, token) ?? findOption(program.options, token);
    if (!option) {
      found.push(`${name}: unknown option ${token}`);
      continue;
    }
    if (option.required || option.optional) {
      const value = rest[++i];
      if (value === undefined) found.push(`${name} ${token}: missing value`);
      else if (option.argChoices && value !== PLACEHOLDER && !option.argChoices.includes(value)) found.push(`${name} ${token}: ${value} is not one of ${option.argChoices.join(', ')}`);
    }
  }
  const required = command.registeredArguments.filter((a) => a.required).length;
  if (positionals < required) found.push(`${name}: needs ${required} argument(s), got ${positionals}`);
  return found;
}

describe.each(PIPELINES)('%s', (file) => {
  const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
  const pipeline = parse(text);
  const calls = scripts(pipeline).flatMap(invocations);
  const program = createProgram({ out: () => undefined, err: () => undefined }, () => undefined);

  it('calls only sentinel-cac commands and flags that exist', () => {
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.flatMap((argv) => problems(program, argv))).toEqual([]);
  });

  it('validates as SARIF, tests as JUnit, plans as Markdown and deploys', () => {
    const commands = calls.map((argv) => argv.join(' '));
    expect(commands).toEqual(expect.arrayContaining([expect.stringMatching(/^validate --format sarif/), expect.stringMatching(/^test --reporter junit/), expect.stringMatching(/^plan .*--format markdown/), expect.stringMatching(/^deploy --environment/)]));
  });

  it('signs in to Azure with workload identity federation, not a stored secret', () => {
    expect(text).not.toMatch(/client-secret|clientSecret|AZURE_CLIENT_SECRET/);
    if (file.startsWith('.github')) {
      expect(text).toContain('id-token: write');
      expect(text).toContain('azure/login@v2');
    } else {
      expect(text).toContain('AzureCLI@2');
    }
  });

  it('deploys through a matrix, one job per workspace', () => {
    expect(text).toMatch(/matrix:/);
    expect(text).toMatch(/deploy --environment (\$\{\{ matrix\.environment \}\}|\$\(environment\))/);
  });
});

describe('the pipeline check itself', () => {
  const program = createProgram({ out: () => undefined, err: () => undefined }, () => undefined);
  it('rejects an unknown command, an unknown flag and a bad choice', () => {
    expect(problems(program, ['deploi'])).toEqual(['unknown command deploi']);
    expect(problems(program, ['test', '--reporters', 'junit'])).toEqual(['test: unknown option --reporters']);
    expect(problems(program, ['validate', '--format', 'xml'])).toEqual(['validate --format: xml is not one of text, json, sarif']);
  });
});
