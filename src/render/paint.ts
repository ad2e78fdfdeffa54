/** The only place colour lives. With colour off every function is the identity. */
import { Chalk } from 'chalk';

export interface Paint {
  red: (s: string) => string;
  yellow: (s: string) => string;
  green: (s: string) => string;
  bold: (s: string) => string;
  dim: (s: string) => string;
}

const identity = (s: string) => s;
export const PLAIN: Paint = { red: identity, yellow: identity, green: identity, bold: identity, dim: identity };

export function makePaint(color: boolean): Paint {
  if (!color) return PLAIN;
  // Our own instance at a fixed level: chalk ignores NO_COLOR, and the decision was made by the caller.
  const chalk = new Chalk({ level: 1 });
  return { red: chalk.red, yellow: chalk.yellow, green: chalk.green, bold: chalk.bold, dim: chalk.dim };
}
