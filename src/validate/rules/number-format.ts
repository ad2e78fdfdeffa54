import type { Rule } from './context.js';

/**
 * `N-XX/YYY`: a number, the document type's abbreviation (capitals, with the
 * lower-case letters of CTr, TTr), the issuer(s) in capitals.
 */
const DOCUMENT_NUMBER = /^\d+[a-z]?-[A-ZĐ][A-Za-zĐđ]*(?:\/[A-ZĐ0-9]+(?:-[A-ZĐ0-9]+)*)+$/u;

/** Warns when a document number does not look like `39-KH/BDVTU-HNB`. */
export const numberFormat: Rule = (ctx) => {
  for (const entry of ctx.plans) {
    const number = entry.raw.number;
    if (typeof number === 'string' && !DOCUMENT_NUMBER.test(number)) {
      entry.report(['number'], 'number-format', { number }, 'warning');
    }
  }
};

export { DOCUMENT_NUMBER };
