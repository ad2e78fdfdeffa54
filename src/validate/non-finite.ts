/**
 * YAML's `.nan`, `.inf` and `-.inf` are numbers to JavaScript: ajv, with
 * strictNumbers, fails them where a number goes, and messages quote them as
 * the clerk wrote them rather than as `NaN` or `Infinity`.
 */

/** How YAML writes the value: `.nan`, `.inf`, `-.inf` (what a clerk typed, give or take capitals). */
export function yamlNumberText(value: number): string {
  if (Number.isNaN(value)) return '.nan';
  return value > 0 ? '.inf' : '-.inf';
}
