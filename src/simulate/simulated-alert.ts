import type { AlertSeverity, EntityType } from '../model/enums';

/** An entity Sentinel would attach to an alert: its type and the identifiers that had values. */
export interface SimulatedEntity {
  readonly entityType: EntityType;
  readonly identifiers: Readonly<Record<string, string>>;
}

/** One alert of a simulated rule run, as Sentinel would raise it. */
export interface SimulatedAlert {
  readonly displayName: string;
  readonly description: string;
  readonly severity: AlertSeverity;
  readonly tactics: readonly string[];
  readonly entities: readonly SimulatedEntity[];
  /** Custom detail name -> the column's values over the alert's events. */
  readonly customDetails: Readonly<Record<string, readonly unknown[]>>;
  /** How many query result rows (events) the alert carries. */
  readonly events: number;
}

export interface RuleRun {
  /** The query's result before the trigger is applied. */
  readonly rows: readonly Record<string, unknown>[];
  /** Whether the trigger condition held. */
  readonly triggered: boolean;
  readonly alerts: readonly SimulatedAlert[];
}
