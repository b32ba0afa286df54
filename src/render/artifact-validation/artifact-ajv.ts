import Ajv from 'ajv';
import addFormats from 'ajv-formats';

/**
 * An ISO-8601 duration as Azure reads one (.NET XmlConvert.ToTimeSpan): PnYnMnDTnHnMnS with at least one
 * part, a `T` only before a time part, fractional seconds allowed, no weeks and no sign. ajv-formats has a
 * `duration` format too, but it accepts weeks (P2W), which the service rejects.
 */
export const ISO_8601_DURATION = /^P(?=\d|T\d)(?:\d+Y)?(?:\d+M)?(?:\d+D)?(?:T(?=\d)(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d+)?S)?)?$/;

/** The ajv instance the artifact schemas are compiled with: every error reported, strict about the schemas themselves. */
export function createArtifactAjv(): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true });
  addFormats(ajv, ['date-time', 'date', 'uuid', 'int32', 'int64']);
  ajv.addFormat('duration', ISO_8601_DURATION);
  return ajv;
}
