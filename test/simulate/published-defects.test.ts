import path from 'node:path';
import { validateProject, type ValidatedProject } from '../../src/check/validate-project';
import type { LoadedRule } from '../../src/load/loaded-project';
import { loadTestCases } from '../../src/load/load-test-cases';
import type { AnalyticsRuleProps } from '../../src/model/analytics-rule';
import { passed, runTestCases } from '../../src/simulate/run-test-cases';
import { simulateRule } from '../../src/simulate/simulate-rule';

const ROOT = path.join(__dirname, '..', '..');
const RULE_ID = '9e9a52b2-0fd7-4e46-be5c-191c737cd2f7';

/**
 * The shipped cases of the federated-credential detection must catch each defect of the version
 * published with the article. Each defect is put back into our rule (query text or entity mapping)
 * and the cases are run against that mutant: some case must fail, and the right one.
 */
describe('the FIC detection cases catch the published rule defects', () => {
  const validated = validateProject(ROOT);
  const rule = validated.project.rules.find((r) => r.props.id === RULE_ID)!;
  const suites = loadTestCases(ROOT).suites.filter((s) => s.tests.targetId === RULE_ID);

  function failingCases(mutant: LoadedRule): string[] {
    const project: ValidatedProject = { ...validated, project: { ...validated.project, rules: [mutant] } };
    return runTestCases(project, suites).filter((r) => !passed(r)).map((r) => r.caseName);
  }

  function withQuery(replace: [string, string][]): LoadedRule {
    let text = rule.query!.text;
    for (const [from, to] of replace) {
      expect(text).toContain(from);
      text = text.replace(from, to);
    }
    return { ...rule, query: { ...rule.query!, text } };
  }

  it('sample rows for a table no schema knows are an error naming the nearest table, not silently ignored', () => {
    expect(() => simulateRule(validated, rule, { AzureActivty: [{ Caller: 'x' }] } as never, { now: new Date() })).toThrow(
      "sample data names table 'AzureActivty', which is neither in the table catalog nor a custom table of the project; did you mean AzureActivity?",
    );
  });

  it('the shipped rule passes every case', () => {
    expect(suites.length).toBe(1);
    expect(failingCases(rule)).toEqual([]);
  });

  it('severity High for a write with no matching sign-in (empty risk is not "none")', () => {
    const mutant = withQuery([
      ['| extend SignInRiskLevel = iff(isempty(SignInRiskLevel), "unknown", SignInRiskLevel)\n', ''],
      ['iff(SignInRiskLevel in (RaiseSeverityOnRiskLevels), "High", "Medium")', 'iff(SignInRiskLevel != "none", "High", "Medium")'],
    ]);
    expect(failingCases(mutant)).toContain('no matching sign-in keeps the default severity (the published rule made it High)');
  });

  it('an empty risk filter that drops every matched row', () => {
    const mutant = withQuery([['| where array_length(OnlyRiskLevels) == 0 or SignInRiskLevel in (OnlyRiskLevels)', '| where SignInRiskLevel in (OnlyRiskLevels)']]);
    expect(failingCases(mutant)).toEqual(expect.arrayContaining(['an unauthorized actor adding a federated credential raises one alert with the caller, IP and resource', 'a risky sign-in behind the caller token raises the severity to High']));
  });

  it('the Hiearchy/Hierarchy mix-up: the table column is reported instead of the event hierarchy', () => {
    const mutant = withQuery([['tolower(coalesce(tostring(Properties_d.hierarchy), Hierarchy))', 'tolower(Hierarchy)']]);
    expect(failingCases(mutant)).toContain('an unauthorized actor adding a federated credential raises one alert with the caller, IP and resource');
  });

  it('the Account entity mapped to Caller by Name instead of the object id and UPN', () => {
    const props = { ...rule.props, entityMappings: [{ entityType: 'Account', fieldMappings: [{ identifier: 'Name', columnName: 'Caller' }] }, ...rule.props.entityMappings!.slice(1)] } as AnalyticsRuleProps;
    expect(failingCases({ ...rule, props })).toContain('an unauthorized actor adding a federated credential raises one alert with the caller, IP and resource');
  });
});
