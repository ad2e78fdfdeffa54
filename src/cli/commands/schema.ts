import type { Command } from 'commander';
import type { HelpText } from '../../i18n/help.js';
import type { CliIO } from '../io.js';
import type { RunState } from '../program.js';
import type { GlobalOptions } from '../session.js';

export function registerSchema(program: Command, io: CliIO, state: RunState, words: HelpText): Command {
  return program
    .command('schema')
    .description(words.schema.about)
    .argument('[kind]', words.schema.kind, 'plan')
    .action(async (kind: string, _options: object, command: Command) => {
      const { KINDS } = await import('../../load/load.js');
      const { schemaText } = await import('../../schemas.js');
      const { cliMessage } = await import('../../i18n/cli.js');
      const { UsageError } = await import('../io.js');
      const { checkGlobalOptions } = await import('../session.js');
      // A schema is JSON: `--format json` is the one format there is.
      const options = command.optsWithGlobals<GlobalOptions>();
      const lang = checkGlobalOptions(io, options, ['json']);
      // A schema is the same at every revision, but a --rev that is no revision at all is still bad usage.
      if (options.rev !== undefined) (await import('../../git/repo.js')).assertNotOption(options.rev, lang);
      if (!(KINDS as readonly string[]).includes(kind)) {
        throw new UsageError(cliMessage(lang, 'unknown-kind', { value: kind, allowed: KINDS.join(', ') }));
      }
      io.stdout(schemaText(kind as (typeof KINDS)[number]));
      state.exitCode = 0;
    });
}
