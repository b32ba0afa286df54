import { parseEnvironmentConfig } from '../../src/deploy/read-environment-config';

const parse = (text: string) => parseEnvironmentConfig(text, 'sentinel-cac.environments.yaml', '/project');
const problems = (text: string) => parse(text).diagnostics.map((d) => `${d.line}:${d.column} ${d.message.replace('sentinel-cac.environments.yaml: ', '')}`);

test('a valid file gives each environment with its selection and rows files resolved next to the config', () => {
  const { config, diagnostics } = parse(`sourceId: contoso/content
environments:
  prod:
    subscriptionId: 00000000-0000-4000-8000-000000000001
    resourceGroup: rg-sec
    workspace: law-sec
    content:
      tags: [fic]
      ids: [AllowedCallers]
    watchlistRows:
      AllowedCallers: environments/prod/allowed.csv
`);
  expect(diagnostics).toEqual([]);
  expect(config!.sourceId).toBe('contoso/content');
  expect(config!.environments[0]).toMatchObject({ name: 'prod', workspace: 'law-sec', content: { tags: ['fic'], ids: ['AllowedCallers'] }, watchlistRows: [{ alias: 'AllowedCallers', file: '/project/environments/prod/allowed.csv', at: { line: 11, column: 23 } }] });
});

test('every problem is reported at its line and column, with what to fix', () => {
  expect(
    problems(`environments:
  prod:
    subscriptionId: 123
    resourceGroup: rg
    wrkspace: law
    content: {}
  "bad name!":
    subscriptionId: 00000000-0000-4000-8000-000000000001
`),
  ).toEqual([
    '5:5 unknown key "wrkspace" in environment prod',
    '3:21 environment prod: subscriptionId 123 is not a subscription id (a GUID)',
    '2:3 environment prod has no workspace',
    '6:14 environment prod: content selects nothing; give tags and/or ids, or remove content to deploy everything',
    '7:3 environment name "bad name!" must start with a letter or digit and use letters, digits, _ . -',
  ]);
});

test('YAML syntax errors and duplicate environments point at the line', () => {
  expect(problems('environments:\n  prod: [\n')[0]).toMatch(/^3:1 /);
  expect(problems('environments:\n  prod: {}\n  prod: {}\n')[0]).toMatch(/^3:3 Map keys must be unique/);
});

test('a file without environments says what the file must hold', () => {
  expect(problems('sourceId: x\n')).toEqual(['1:1 `environments` must be a mapping from environment name to its workspace']);
});
