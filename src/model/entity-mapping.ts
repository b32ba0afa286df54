import type { EntityIdentifier, EntityType } from './enums';

/** Maps one identifier of an entity to a column of the query's result. */
export interface FieldMapping<T extends EntityType> {
  readonly identifier: EntityIdentifier<T>;
  readonly columnName: string;
}

/**
 * A discriminated union over entity types, so that `identifier` is checked against the chosen
 * `entityType` by the compiler: `{ entityType: 'IP', fieldMappings: [{ identifier: 'AadUserId', ... }] }`
 * is a type error.
 */
export type EntityMapping = {
  readonly [T in EntityType]: {
    readonly entityType: T;
    readonly fieldMappings: readonly FieldMapping<T>[];
  };
}[EntityType];
