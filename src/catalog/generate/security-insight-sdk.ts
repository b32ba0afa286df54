import * as fs from 'fs';
import * as path from 'path';

export interface SdkTypings {
  /** e.g. `@azure/arm-securityinsight@1.0.0-beta.6 types/arm-securityinsight.d.ts`, for headers and errors. */
  readonly label: string;
  readonly text: string;
}

/** The installed @azure/arm-securityinsight typings, whose Known* enums mirror the REST spec's enums. */
export function readSecurityInsightSdkTypings(): SdkTypings {
  const manifestPath = require.resolve('@azure/arm-securityinsight/package.json');
  const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as { version: string; types?: string };
  if (!manifest.types) throw new Error(`${manifestPath}: has no "types" entry to read the SDK enums from.`);
  const typingsPath = path.join(path.dirname(manifestPath), manifest.types);
  return {
    label: `@azure/arm-securityinsight@${manifest.version} ${path.posix.normalize(manifest.types)}`,
    text: fs.readFileSync(typingsPath, 'utf8'),
  };
}
