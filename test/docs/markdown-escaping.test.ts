import fs from 'node:fs';
import path from 'node:path';
import { buildProject } from '../../src/render/build-project';
import { markdownCode, markdownFence, markdownText } from '../../src/docs/markdown-escape';
import { FIXTURES, projectWithOverlay } from '../support/fixture-project';
import { edit } from '../versioning/versioned-project';
import { fences, headings, parseMarkdown, plainText, tables } from './markdown-tokens';

const NAME = 'Pipes | *stars* and <b>tags</b> [link](x)';
const DESCRIPTION = '# not a heading\n- not a list\nCalls _GetWatchlist() with `ticks` & <script>x</script>';

function buildDocs(overlay?: string): { dir: string; page: string; index: string } {
  const root = projectWithOverlay(overlay);
  edit(root, 'rules/base-rule.ts', (t) => t.replace("name: 'Base rule'", `name: ${JSON.stringify(NAME)}`).replace(/description: '[^']*'/, `description: ${JSON.stringify(DESCRIPTION)}`));
  const result = buildProject(root, { outDir: 'dist' });
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const dir = path.join(root, 'dist', 'docs');
  const [page] = fs.readdirSync(path.join(dir, 'analytics-rules'));
  return { dir, page: fs.readFileSync(path.join(dir, 'analytics-rules', page), 'utf8'), index: fs.readFileSync(path.join(dir, 'README.md'), 'utf8') };
}

describe('Markdown escaping in the rule catalog', () => {
  const { page, index } = buildDocs();

  it('shows a name with Markdown and HTML punctuation literally, as the one heading', () => {
    const tokens = parseMarkdown(page);
    expect(headings(tokens, 'h1')).toEqual([NAME]);
    const h1 = tokens[tokens.findIndex((t) => t.type === 'heading_open') + 1];
    expect(h1.children!.map((c) => c.type)).toEqual(['text']);
  });

  it('keeps a | inside a table cell instead of splitting the row', () => {
    const [table] = tables(index).filter((t) => t[0].cells[0] === 'Name');
    expect(table[1].sourceCells).toBe(4);
    expect(table[1].cells[0]).toBe(NAME);
  });

  it('turns no line of a description into a heading, list, code or HTML', () => {
    const tokens = parseMarkdown(page);
    const paragraph = tokens.find((t, i) => t.type === 'inline' && tokens[i - 1].type === 'paragraph_open' && plainText(t).startsWith('# not'))!;
    expect(plainText(paragraph)).toBe(DESCRIPTION);
    expect(paragraph.children!.every((c) => c.type === 'text' || c.type === 'softbreak')).toBe(true);
    expect(headings(tokens, 'h1')).toHaveLength(1);
    expect(tokens.filter((t) => t.type === 'inline').some((t) => t.content.startsWith('not a list'))).toBe(false);
  });

  it('says so when a rule has no test cases, and lists them when it has', () => {
    expect(page).toContain('No test cases yet');
    const withCases = buildDocs(path.join(FIXTURES, 'with-cases')).page;
    const [cases] = tables(withCases).filter((t) => t[0].cells[0] === 'Case');
    expect(cases.slice(1).map((r) => [r.cells[0], r.cells[2]])).toEqual([
      ['a write by an unknown caller alerts', '1 alert; entities Account'],
      ['a deliberately wrong expectation fails readably', '2 alerts; severity High'],
    ]);
  });
});

describe('test cases that cannot be loaded', () => {
  it('are named on the page instead of claiming there are none', () => {
    const root = projectWithOverlay();
    fs.writeFileSync(path.join(root, 'rules', 'base-rule.cases.ts'), "import { baseRule } from './base-rule';\nexport const broken = (baseRule as any).nothing.here;\n");
    expect(buildProject(root, { outDir: 'dist' }).emitted).toBeDefined();
    const page = fs.readFileSync(path.join(root, 'dist', 'docs', 'analytics-rules', 'base-rule.md'), 'utf8');
    expect(page).toContain('`rules/base-rule.cases.ts` could not be loaded; run `npx sentinel-cac test` to see why.');
    expect(page).not.toContain('No test cases yet');
  });
});

describe('Markdown escaping helpers', () => {
  it('fences code with more backticks than the code holds', () => {
    const code = 'print x\n```\nnot the end';
    expect(fences(parseMarkdown(markdownFence(code, 'kusto')))).toEqual([{ info: 'kusto', content: `${code}\n` }]);
  });

  it('wraps inline code containing backticks and pipes so it reads back unchanged, also in a table', () => {
    const code = 'a `b` | c';
    const inline = parseMarkdown(`x ${markdownCode(code)} y`)[1];
    expect(inline.children!.find((c) => c.type === 'code_inline')!.content).toBe(code);
    const [table] = tables(`| h |\n| --- |\n| ${markdownCode(code, { inTable: true })} |\n`);
    expect(table[1]).toMatchObject({ sourceCells: 1, cells: [code] });
  });

  it('escapes prose so that ordered-list and setext markers stay text', () => {
    const text = '1. first\nTitle\n===';
    const tokens = parseMarkdown(markdownText(text));
    expect(tokens.map((t) => t.type)).toEqual(['paragraph_open', 'inline', 'paragraph_close']);
    expect(plainText(tokens[1])).toBe(text);
  });

  it('the table check sees a stray pipe that markdown-it would silently drop', () => {
    const [table] = tables('| a | b |\n| --- | --- |\n| x | y | z |\n');
    expect(table.map((r) => [r.cells.length, r.sourceCells])).toEqual([[2, 2], [2, 3]]);
  });
});
