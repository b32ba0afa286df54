import type { Report } from './check';
import type { ShapeAssertions } from './shape-assertions';
import type { LoadedHuntingQuery, LoadedRule } from '../load/loaded-project';
import { ENTITY_IDENTIFIERS, ENTITY_TYPES, REQUIRED_IDENTIFIER_SETS, type EntityType } from '../model/enums';

/**
 * Entity mappings as Sentinel and Azure-Sentinel's CI accept them: at most 10 mappings of 1-3
 * identifiers, identifiers valid for the entity type and not repeated, and at least one of the
 * identifier combinations the type needs to be recognised (e.g. Account needs Name, AadUserId, Sid…).
 */
export function checkEntityMappings(definition: LoadedRule | LoadedHuntingQuery, a: ShapeAssertions, report: Report): void {
  a.arrayOf(['entityMappings'], (i) => {
    const type = a.value(['entityMappings', i, 'entityType']);
    a.oneOf(['entityMappings', i, 'entityType'], ENTITY_TYPES, { required: true });
    const valid = typeof type === 'string' && (ENTITY_TYPES as readonly string[]).includes(type);
    const identifiers: string[] = [];
    a.arrayOf(['entityMappings', i, 'fieldMappings'], (j) => {
      const at = ['entityMappings', i, 'fieldMappings', j] as const;
      const identifier = a.value([...at, 'identifier']);
      if (valid) a.oneOf([...at, 'identifier'], ENTITY_IDENTIFIERS[type as EntityType], { required: true });
      if (typeof identifier === 'string') {
        if (identifiers.includes(identifier)) {
          report.at(definition, [...at, 'identifier'], 'ENTITY_DUPLICATE_IDENTIFIER', 'error', `${type} maps identifier ${identifier} twice`);
        }
        identifiers.push(identifier);
      }
      a.pattern([...at, 'columnName'], /^[a-zA-Z_]\w*$/, 'a result column name (letters, digits, _)', { required: true });
    }, { required: true, max: 3 });
    const count = (a.value(['entityMappings', i, 'fieldMappings']) as unknown[] | undefined)?.length ?? 0;
    if (count === 0) report.at(definition, ['entityMappings', i, 'fieldMappings'], 'ENTITY_MAPPING_EMPTY', 'error', `${String(type)} mapping has no field mappings`);
    if (valid && count > 0) {
      const sets = REQUIRED_IDENTIFIER_SETS[type as EntityType];
      const satisfied = sets.length === 0 || sets.some((set) => set.every((id) => identifiers.includes(id)));
      if (!satisfied) {
        report.at(
          definition,
          ['entityMappings', i],
          'ENTITY_REQUIRED_IDENTIFIERS',
          'error',
          `${type} mapping cannot identify the entity: map one of ${sets.map((s) => s.join(' + ')).join(' | ')}`,
        );
      }
    }
  }, { max: 10 });
}
