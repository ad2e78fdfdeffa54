/** The languages of human-readable output. */
export type Lang = 'vi' | 'en';

export function isLang(value: unknown): value is Lang {
  return value === 'vi' || value === 'en';
}
