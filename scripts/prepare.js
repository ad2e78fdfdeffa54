/**
 * `npm run prepare`: builds dist/. npm runs it after `npm install` in a clone,
 * and when it installs phoihop from a git URL. In a global install from git
 * (`npm install --global --install-links git+https://…`, and pre-commit's
 * `language: node`, which installs that way) npm runs it without installing
 * the dependencies first (npm/cli#8440), so `tsc` is not found: the build
 * tools are then installed here, into the clone npm made, and the build runs.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const npm = process.env.npm_execpath ? [process.execPath, process.env.npm_execpath] : ['npm'];
// The outer install's settings (--global, --prefix, --allow-scripts…) must not reach the inner one; where to fetch from may.
const kept = /^npm_config_(cache|registry|userconfig|globalconfig|proxy|https_proxy|noproxy|strict_ssl|cafile|ca)$/i;
const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_config_/i.test(name) || kept.test(name)));
const run = (...args) => execFileSync(npm[0], [...npm.slice(1), ...args], { stdio: 'inherit', env });

if (!existsSync('node_modules/typescript')) run('install', '--no-save', '--include=dev', '--ignore-scripts', '--no-audit', '--no-fund');
run('run', 'build');
