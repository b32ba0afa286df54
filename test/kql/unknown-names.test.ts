import { analyzeQuery } from '../../src/kql/analyze-query';
import { KqlSchema } from '../../src/kql/kql-schema';

const schema = new KqlSchema();
const problem = (query: string): string => {
  const [first] = analyzeQuery(query, schema).problems;
  return `${first.code}: ${first.message} -- ${first.hint}`;
};

describe('unknown tables and functions name what provides them, or what was meant', () => {
  it('a solution parser names its solutions', () => {
    expect(problem('afad_parser() | take 1')).toMatch(/^KQL_UNKNOWN_FUNCTION: 'afad_parser' is a parser function of solution 'Tenable App' or 'TenableAD'.* -- add one of them to `solutions` in defineWorkspaceCatalog\(\)/);
  });

  it('a legacy parser says to list it under parsers', () => {
    expect(problem('GitHubAudit | take 1')).toMatch(/^KQL_UNKNOWN_FUNCTION: 'GitHubAudit' is a parser from Azure-Sentinel's Parsers\/ folder.* -- add it to `parsers`/);
  });

  it('a custom table known by name says how to declare it', () => {
    expect(problem('table("SenservaPro_CL") | take 1')).toMatch(/^KQL_UNKNOWN_TABLE: 'SenservaPro_CL' is a custom log table this project does not declare.* -- declare its columns with defineCustomTable\(\)/);
  });

  it('a misspelled table gets the nearest name, a retired name the ones that extend it', () => {
    expect(problem('SigninLog | take 1')).toMatch(/^KQL_UNKNOWN_TABLE: unknown table or tabular function 'SigninLog' \(KS204\) -- did you mean 'SigninLogs'\?$/);
    expect(problem('imProcess | take 1')).toMatch(/did you mean 'imProcessCreate' or 'imProcessEvent' or 'imProcessTerminate'\?$/);
  });

  it('an unknown scalar function is KQL_UNKNOWN_FUNCTION, an unknown column stays KQL_UNKNOWN_NAME', () => {
    expect(problem('SigninLogs | extend x = nosuchfn(1)')).toMatch(/^KQL_UNKNOWN_FUNCTION: unknown function 'nosuchfn'/);
    expect(problem('SigninLogs | where Nope == 1')).toMatch(/^KQL_UNKNOWN_NAME: The name 'Nope' does not refer to any known column/);
  });
});
