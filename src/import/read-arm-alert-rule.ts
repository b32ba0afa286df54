import path from 'node:path';
import { unescapeArmLiterals } from './arm-expressions';
import { reportExpressions, resolveSimpleReferences } from './arm-property-values';
import { guidInResource } from './arm-resource-name';
import { ConversionContext } from './conversion-context';
import { convertAlertRule } from './convert-alert-rule';
import { derivedId } from './derived-id';
import { isPlainObject } from './field-values';
import type { ImportedItem } from './imported-item';
import type { ArmResourceRef } from './arm-resource-ref';

const KINDS: Readonly<Record<string, 'Scheduled' | 'NRT' | undefined>> = { scheduled: 'Scheduled', nrt: 'NRT' };

/**
 * An `alertRules` resource of any apiVersion from 2020-01-01 on: the property names have not
 * changed, later versions only add some (subTechniques, startTimeUtc, sentinelEntitiesMappings).
 * Kinds other than Scheduled and NRT are reported by name and skipped.
 */
export function readArmAlertRule(ref: ArmResourceRef): { item?: ImportedItem; ctx: ConversionContext } {
  const { doc, resource, path: at } = ref;
  const ctx = new ConversionContext(doc, 'ARM alert rule', [...at, 'properties'], at);
  const properties = resource.properties;
  if (!isPlainObject(properties)) {
    ctx.report('IMPORT_MISSING_PROPERTY', 'error', undefined, 'the alertRules resource has no properties');
    return { ctx };
  }
  const label = typeof properties.displayName === 'string' ? JSON.stringify(properties.displayName) : 'an alert rule';
  const kind = KINDS[String(resource.kind ?? '').toLowerCase()];
  if (!kind) {
    ctx.report('IMPORT_UNSUPPORTED_KIND', 'warning', undefined, `${label}: rule kind ${String(resource.kind)} is not supported yet (only Scheduled and NRT); skipped`);
    return { ctx };
  }
  const resolved = resolveSimpleReferences(properties, ref, ctx, label);
  if (reportExpressions(resolved, ctx, label)) return { ctx };
  const bag = unescapeArmLiterals(resolved);
  let id = guidInResource(resource, ref);
  if (id) ctx.trackAbsolute(['id'], [...at, 'name']);
  else {
    id = derivedId(path.basename(doc.file), String(resource.name ?? ''), String(bag.displayName ?? ''));
    ctx.report('IMPORT_ID_GENERATED', 'warning', undefined, `${label}: the rule id in its name is only known at deployment (${String(resource.name)}); using ${id}, derived from the file and rule name`, {
      hint: 'keep this id in the definition from now on: it is how Sentinel recognizes the rule',
    });
  }
  const item = convertAlertRule({ flavor: 'arm', bag, id, kind }, ctx);
  return { item, ctx };
}
