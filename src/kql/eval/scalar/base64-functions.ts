/**
 * Base64 functions: base64_encode_tostring, base64_decode_tostring, base64_decode_toarray,
 * base64_encode_fromarray, and the deprecated base64_encodestring / base64_decodestring.
 * Text is UTF-8 both ways. Input that is not base64 gives null (as .NET's decoder, which Kusto
 * uses, rejects it), and so does decoded text that is not valid UTF-8, as the reference page of
 * base64_decode_tostring shows.
 */
import { expectArity, FunctionImpl, pure } from './function-library';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The bytes of base64 text; null when it is not base64. .NET ignores whitespace in it, so this does too. */
function decode(text: unknown): Buffer | null {
  if (typeof text !== 'string') return null;
  const compact = text.replace(/\s+/g, '');
  if (compact.length % 4 !== 0 || !BASE64.test(compact)) return null;
  return Buffer.from(compact, 'base64');
}

function decodeToString(text: unknown): string | null {
  const bytes = decode(text);
  if (bytes === null) return null;
  try {
    return utf8.decode(bytes);
  } catch {
    return null;
  }
}

const encodeToString: FunctionImpl = (call) => {
  expectArity(call, 1);
  return pure(call, (text: unknown) => (typeof text === 'string' ? Buffer.from(text, 'utf8').toString('base64') : null), 'string');
};

const decodeToStringImpl: FunctionImpl = (call) => {
  expectArity(call, 1);
  return pure(call, decodeToString, 'string');
};

const decodeToArray: FunctionImpl = (call) => {
  expectArity(call, 1);
  return pure(call, (text: unknown) => {
    const bytes = decode(text);
    return bytes === null ? null : [...bytes];
  }, 'dynamic');
};

/** An array of byte values (0–255) to base64; null for anything else. */
const encodeFromArray: FunctionImpl = (call) => {
  expectArity(call, 1);
  return pure(call, (values: unknown) => {
    if (!Array.isArray(values) || !values.every((v) => Number.isInteger(v) && v >= 0 && v <= 255)) return null;
    return Buffer.from(values as number[]).toString('base64');
  }, 'string');
};

export const BASE64_FUNCTIONS: Readonly<Record<string, FunctionImpl>> = {
  base64_encode_tostring: encodeToString,
  base64_encodestring: encodeToString,
  base64_decode_tostring: decodeToStringImpl,
  base64_decodestring: decodeToStringImpl,
  base64_decode_toarray: decodeToArray,
  base64_encode_fromarray: encodeFromArray,
};
