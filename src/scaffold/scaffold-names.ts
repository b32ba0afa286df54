/** What `sentinel-cac new` can create. */
export const SCAFFOLD_KINDS = ['rule', 'hunting', 'watchlist', 'function'] as const;
export type ScaffoldKind = (typeof SCAFFOLD_KINDS)[number];

const KEBAB = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** The names a scaffold derives from its kebab-case file name. */
export interface ScaffoldNames {
  /** "unusual-role-grant": the file name, without extension. */
  readonly fileName: string;
  /** "Unusual role grant": the display name. */
  readonly title: string;
  /** "unusualRoleGrant": the exported constant. */
  readonly exportName: string;
  /** "UnusualRoleGrant": a watchlist alias or a function name. */
  readonly alias: string;
}

/** Checks `name` is kebab-case (it becomes file, export and alias names) and derives the others. Throws with the fix when it is not. */
export function scaffoldNames(name: string): ScaffoldNames {
  if (!KEBAB.test(name)) {
    const suggestion = name.trim().replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').replace(/^[0-9-]+/, '');
    throw new Error(`name ${JSON.stringify(name)} must be kebab-case (lower-case letters and digits joined by single hyphens, starting with a letter)${suggestion ? `, e.g. ${suggestion}` : ''}`);
  }
  if (name.length > 64) throw new Error(`name ${JSON.stringify(name)} is longer than 64 characters; a watchlist alias or file name that long is hard to use`);
  const words = name.split('-');
  const capitalized = words.map((w) => w.charAt(0).toUpperCase() + w.slice(1));
  return {
    fileName: name,
    title: [capitalized[0], ...words.slice(1)].join(' '),
    exportName: words[0] + capitalized.slice(1).join(''),
    alias: capitalized.join(''),
  };
}
