import path from 'node:path';
import type { Diagnostic } from '../check/diagnostic';
import { ConversionContext } from './conversion-context';
import { convertAlertRule } from './convert-alert-rule';
import { convertHuntingYaml } from './convert-hunting-yaml';
import { derivedId } from './derived-id';
import { isPlainObject } from './field-values';
import { skippedFile, type ImportedItem, type ReadResult, type SkippedItem } from './imported-item';
import { parseYamlFile, type YamlSource } from './yaml-source';

/** Rule kinds Sentinel has that the model does not (yet) describe. */
const RULE_KINDS: Readonly<Record<string, 'Scheduled' | 'NRT' | undefined>> = { scheduled: 'Scheduled', nrt: 'NRT' };

/**
 * An Azure-Sentinel-format YAML file: a detection (Scheduled or NRT) or a hunting query. A file
 * with a schedule, a trigger or a kind is a detection; one with only a query is a hunting query,
 * which is how the Azure-Sentinel repository tells them apart too (hunting YAML has no kind).
 */
export function readYamlFile(file: string, text: string): ReadResult {
  const parsed = parseYamlFile(file, text);
  const items: ImportedItem[] = [];
  const skipped: SkippedItem[] = parsed.diagnostics.map((d) => skippedFile(file, d.code));
  const diagnostics: Diagnostic[] = [...parsed.diagnostics];
  for (const doc of parsed.documents) {
    const item = readDocument(doc, diagnostics, skipped);
    if (item) items.push(item);
  }
  return { items, skipped, diagnostics };
}

function readDocument(doc: YamlSource, diagnostics: Diagnostic[], skipped: SkippedItem[]): ImportedItem | undefined {
  const bag = doc.value;
  const notContent = (message: string, code = 'IMPORT_NOT_CONTENT', severity: Diagnostic['severity'] = 'warning'): undefined => {
    diagnostics.push({ code, severity, message, file: doc.file, line: 1, column: 1 });
    return undefined;
  };
  if (!isPlainObject(bag)) return notContent('not a Sentinel rule or hunting query (the YAML is not a mapping); skipped');
  if (bag.Id !== undefined && bag.InputEntityType !== undefined) {
    skipped.push({ file: doc.file, pointer: '', name: String(bag.DisplayName ?? bag.Id), reason: 'IMPORT_UNSUPPORTED_KIND' });
    return notContent(`${String(bag.DisplayName ?? bag.Id)}: exploration (entity) queries are not supported yet; skipped`, 'IMPORT_UNSUPPORTED_KIND');
  }
  if (bag.query === undefined) return notContent('not a Sentinel rule or hunting query (it has no query); skipped');
  const isDetection = ['kind', 'queryFrequency', 'queryPeriod', 'triggerOperator'].some((k) => bag[k] !== undefined);
  const ctx = new ConversionContext(doc, isDetection ? 'detection YAML' : 'hunting YAML', []);
  const id = idOf(bag, ctx, doc.file);
  const finish = (item: ImportedItem | undefined): ImportedItem | undefined => {
    diagnostics.push(...ctx.diagnostics);
    const miss = item ? undefined : ctx.skipped(String(bag.name ?? id));
    if (miss) skipped.push(miss);
    return item;
  };
  if (!isDetection) return finish(convertHuntingYaml({ ...bag, id }, ctx, doc));
  const kind = bag.kind === undefined ? 'Scheduled' : RULE_KINDS[String(bag.kind).toLowerCase()];
  if (!kind) {
    ctx.report('IMPORT_UNSUPPORTED_KIND', 'warning', ['kind'], `${JSON.stringify(bag.name ?? id)}: rule kind ${String(bag.kind)} is not supported yet (only Scheduled and NRT); skipped`);
    return finish(undefined);
  }
  return finish(convertAlertRule({ flavor: 'yaml', bag, id, idPath: bag.id === undefined ? undefined : ['id'], kind }, ctx, doc));
}

function idOf(bag: Readonly<Record<string, unknown>>, ctx: ConversionContext, file: string): string {
  if (typeof bag.id === 'string' && bag.id !== '') return bag.id;
  const id = derivedId(path.basename(file), String(bag.name ?? ''));
  ctx.report('IMPORT_ID_GENERATED', 'warning', undefined, `has no id; using ${id}, derived from the file and rule name so that a re-import finds it again`, {
    hint: 'keep this id in the definition from now on: it is how Sentinel recognizes the rule',
  });
  return id;
}
