/**
 * ARM error responses. Every failure the emulator returns has the CloudError shape
 * `{"error":{"code","message"}}`, which the SDK turns into a RestError with `code` and `message`.
 */

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Extra response headers, e.g. Retry-After on a throttled request. */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  body(): { error: { code: string; message: string } } {
    return { error: { code: this.code, message: this.message } };
  }
}

export function badRequest(message: string, code = 'BadRequest'): ApiError {
  return new ApiError(400, code, message);
}

export function notFound(what: string): ApiError {
  return new ApiError(404, 'NotFound', `${what} not found.`);
}

export function conflict(message: string, code = 'Conflict'): ApiError {
  return new ApiError(409, code, message);
}

export function methodNotAllowed(method: string, armType: string): ApiError {
  return new ApiError(405, 'MethodNotAllowed', `The HTTP method '${method}' is not supported for ${armType}.`);
}
