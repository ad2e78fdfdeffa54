// Preloaded with --import: records every module the program resolves, one URL a line, in $PHOIHOP_MODULE_LOG.
import { register } from 'node:module';

register('./resolve-hook.mjs', import.meta.url, { data: { log: process.env.PHOIHOP_MODULE_LOG } });
