import type { ErrorObject } from 'ajv';

/** One thing wrong with an artifact. */
export interface ArtifactProblem {
  /** JSON pointer into the artifact, e.g. /resources/0/properties/severity. */
  readonly pointer: string;
  /** A sentence that starts with the pointer, e.g. "/resources/0/properties/severity must be one of High, Medium, Low, Informational". */
  readonly message: string;
}

const FORMAT_EXPECTATIONS: Readonly<Record<string, string>> = {
  duration: 'an ISO-8601 duration such as PT5M, PT1H or P14D',
  'date-time': 'a date-time with a time zone, such as 2025-01-31T08:00:00Z',
  date: 'a date such as 2025-01-31',
  uuid: 'a GUID such as 6bb8e22c-4a5f-4d27-8a26-b60a7952d5af',
  int32: 'a 32-bit integer',
  int64: 'a 64-bit integer',
};

const ARTICLES: Readonly<Record<string, string>> = {
  integer: 'an integer', object: 'an object', array: 'an array', string: 'a string', number: 'a number', boolean: 'true or false',
};

/** Turns ajv's errors into problems that name where they are and what is expected, sorted by pointer. */
export function describeAjvErrors(errors: readonly ErrorObject[]): ArtifactProblem[] {
  const problems = new Map<string, ArtifactProblem>();
  for (const error of errors) {
    // An if/then branch that fails is reported by its own errors; the "must match then" summary adds nothing.
    if (error.keyword === 'if') continue;
    const problem = describe(error);
    problems.set(`${problem.pointer}\u0000${problem.message}`, problem);
  }
  return [...problems.values()].sort((a, b) =>
    a.pointer.localeCompare(b.pointer, 'en', { numeric: true }) || a.message.localeCompare(b.message, 'en'));
}

function describe(error: ErrorObject): ArtifactProblem {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return problem(child(error.instancePath, String(params.missingProperty)), 'is required');
    case 'additionalProperties':
      return problem(child(error.instancePath, String(params.additionalProperty)), 'is not a known property here (check its spelling)');
    case 'enum':
      return problem(error.instancePath, `must be one of ${(params.allowedValues as unknown[]).map(show).join(', ')}`);
    case 'const':
      return problem(error.instancePath, `must be ${show(params.allowedValue)}`);
    case 'type': {
      const types = (Array.isArray(params.type) ? params.type : String(params.type).split(',')) as string[];
      return problem(error.instancePath, `must be ${types.map((type) => ARTICLES[type] ?? type).join(' or ')}`);
    }
    case 'format': {
      const expected = FORMAT_EXPECTATIONS[String(params.format)];
      return problem(error.instancePath, expected === undefined ? String(error.message) : `must be ${expected}`);
    }
    default:
      return problem(error.instancePath, String(error.message ?? `fails "${error.keyword}"`));
  }
}

function problem(pointer: string, text: string): ArtifactProblem {
  return { pointer, message: `${pointer === '' ? 'the document' : pointer} ${text}` };
}

/** RFC 6901: "~" and "/" inside a property name are escaped. */
function child(pointer: string, property: string): string {
  return `${pointer}/${property.replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

function show(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}
