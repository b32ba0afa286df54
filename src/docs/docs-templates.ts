import fs from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import { markdownCell, markdownCode, markdownFence, markdownText } from './markdown-escape';

/** The tool's own templates, shipped beside src/ in the package. */
export const TEMPLATE_DIRECTORY = path.join(__dirname, '..', '..', 'templates', 'docs');

export type DocsTemplate = 'definition-page' | 'catalog-index';

/**
 * Handlebars set up for Markdown. `noEscape`, because HTML escaping is wrong for Markdown (entities
 * show up literally in code spans and the KQL fence); instead the templates call one helper per
 * context. `strict`, so a misspelt field in a template throws instead of rendering an empty string.
 */
function createEnvironment(): typeof Handlebars {
  const env = Handlebars.create();
  env.registerHelper('text', (value: unknown) => markdownText(value));
  env.registerHelper('cell', (value: unknown) => markdownCell(value));
  env.registerHelper('code', (value: unknown) => markdownCode(value));
  env.registerHelper('codeCell', (value: unknown) => markdownCode(value, { inTable: true }));
  env.registerHelper('kusto', (value: unknown) => markdownFence(String(value ?? ''), 'kusto'));
  return env;
}

// Compiled on first use, once per process: importing this module reads nothing.
let env: typeof Handlebars | undefined;
const compiled = new Map<DocsTemplate, HandlebarsTemplateDelegate>();

/** Renders a template and tidies the blank lines the block helpers leave, so output is stable Markdown. */
export function renderDocsTemplate(name: DocsTemplate, model: object): string {
  let template = compiled.get(name);
  if (!template) {
    env ??= createEnvironment();
    const file = path.join(TEMPLATE_DIRECTORY, `${name}.md.hbs`);
    template = env.compile(fs.readFileSync(file, 'utf8'), { noEscape: true, strict: true });
    compiled.set(name, template);
  }
  return `${template(model).replace(/\r\n/g, '\n').replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n').trim()}\n`;
}
