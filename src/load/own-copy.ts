/**
 * A copy of a string that keeps no other string alive. V8 makes a substring
 * of 13 characters or more a view into the string it was cut from, so an id
 * or a cached key kept from a parsed file would keep that file's whole text
 * in memory: 10,000 plans' texts where 10,000 ids were meant.
 */
export function ownCopy(s: string): string {
  // JSON.parse builds a new string from the characters; shorter strings are copies already.
  return s.length < 13 ? s : (JSON.parse(JSON.stringify(s)) as string);
}
