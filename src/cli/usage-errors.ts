/**
 * Commander's own usage errors (an unknown option or command, a missing
 * argument…) in the user's language. Commander writes them in English; the
 * program keeps it quiet (program.ts) and main() prints the line made here
 * from the error's code and what commander's English line names.
 */
import { cliMessage } from '../i18n/cli.js';
import type { Lang } from '../i18n/lang.js';

/** Commander's "\n(Did you mean --all?)" or "\n(Did you mean one of a, b?)" at the end of a message. */
const SUGGESTION = /\n\(Did you mean (?:one of )?(.+)\?\)$/;

/**
 * The line for a commander error, without the `phoihop: ` prefix. A code not
 * mapped here, or a message whose wording commander has changed, keeps
 * commander's English text rather than lose what it says.
 */
export function usageErrorMessage(lang: Lang, code: string, message: string, commandsWith: (option: string) => string[] = () => []): string {
  return translate(lang, code, message, commandsWith) ?? message.replace(/^error: /, '');
}

function translate(lang: Lang, code: string, message: string, commandsWith: (option: string) => string[]): string | undefined {
  const suggestion = SUGGESTION.exec(message);
  const suggestions = suggestion ? suggestion[1].split(', ') : [];
  const text = suggestion ? message.slice(0, suggestion.index) : message;
  let m: RegExpExecArray | null;
  switch (code) {
    case 'commander.unknownOption':
      if ((m = /^error: unknown option '(.*)'$/s.exec(text))) {
        // An option another command has (`summary --plan`) is named as that, rather than near-spelt as one this command has (--lang).
        const option = m[1].replace(/=.*$/s, '');
        const elsewhere = commandsWith(option);
        if (elsewhere.length > 0) return cliMessage(lang, 'usage-option-elsewhere', { option, commands: elsewhere });
        return cliMessage(lang, 'usage-unknown-option', { option: m[1], suggestions });
      }
      break;
    case 'commander.unknownCommand':
      if ((m = /^error: unknown command '(.*)'$/s.exec(text))) return cliMessage(lang, 'usage-unknown-command', { command: m[1], suggestions });
      break;
    case 'commander.missingArgument':
      if ((m = /^error: missing required argument '(.*)'$/s.exec(text))) return cliMessage(lang, 'usage-missing-argument', { argument: m[1] });
      break;
    case 'commander.optionMissingArgument':
      if ((m = /^error: option '(.*)' argument missing$/s.exec(text))) return cliMessage(lang, 'usage-option-missing-value', { option: m[1] });
      break;
    case 'commander.missingMandatoryOptionValue':
      if ((m = /^error: required option '(.*)' not specified$/s.exec(text))) return cliMessage(lang, 'usage-missing-option', { option: m[1] });
      break;
    case 'commander.excessArguments':
      if ((m = /^error: too many arguments(?: for '(.*)')?\. Expected (\d+) arguments? but got (\d+)\.$/s.exec(text))) {
        return cliMessage(lang, 'usage-too-many-arguments', { command: m[1] ?? '', expected: Number(m[2]), got: Number(m[3]) });
      }
      break;
    case 'commander.invalidArgument':
      // An option's value, or a command argument's; then the parser's reason, whose choices are kept and any other reason as given.
      if ((m = /^error: option '(.*)' argument '(.*)' is invalid\.(?: (.*))?$/s.exec(text)) || (m = /^error: command-argument value '(.*)' is invalid for argument '(.*)'\.(?: (.*))?$/s.exec(text))) {
        const option = text.startsWith('error: option ');
        const [name, value] = option ? [m[1], m[2]] : [m[2], m[1]];
        const choices = /^Allowed choices are (.*)\.$/s.exec(m[3] ?? '')?.[1] ?? '';
        return cliMessage(lang, 'usage-invalid-value', { of: option ? 'option' : 'argument', name, value, choices, detail: choices ? '' : (m[3] ?? '') });
      }
      break;
    case 'commander.conflictingOption':
      if ((m = /^error: (option|environment variable) '(.*?)' cannot be used with (option|environment variable) '(.*)'$/s.exec(text))) {
        const of = (what: string) => (what === 'option' ? 'option' : 'env');
        return cliMessage(lang, 'usage-conflicting-option', { firstOf: of(m[1]), first: m[2], secondOf: of(m[3]), second: m[4] });
      }
      break;
  }
  return undefined;
}

/** The line after the error: where the refusing command's help is (`phoihop status --help`). */
export function usageHintMessage(lang: Lang, commandPath: string): string {
  return cliMessage(lang, 'usage-help-hint', { command: commandPath });
}
