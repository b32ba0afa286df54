// Types of kusto-snapshot.cjs (plain JavaScript, because the CLI's launcher runs it before tsx).

/** The commands that analyze KQL (every one that validates the project). */
export declare const KQL_COMMANDS: ReadonlySet<string>;
/** The first word of `args` that is not an option (skipping -C's value); undefined after --help or --version. */
export declare function commandWord(args: readonly string[]): string | undefined;
/** Whether this process already has Kusto.Language (started from the snapshot, or loaded it). */
export declare function kustoIsLoaded(): boolean;
/** The snapshot's file for this Node.js and Kusto.Language in `cacheDir`. */
export declare function snapshotFile(cacheDir: string): string;
/** The snapshot's file, built first when there is none; undefined when it cannot be built. */
export declare function ensureSnapshot(cacheDir?: string, tell?: (message: string) => void): string | undefined;
/** Whether the command calls relaunchFromSnapshot() itself, once it knows it will analyze something (`validate`). */
export declare function commandRelaunchesItself(argv: readonly string[]): boolean;
/** Runs the command again from the snapshot when it analyzes KQL; undefined when this process should run it. */
export declare function relaunchFromSnapshot(argv: readonly string[]): Promise<number> | undefined;
/** This process's node options when it started from the snapshot (to start helpers the same way); undefined otherwise. */
export declare function snapshotNodeArgs(): readonly string[] | undefined;
