/**
 * A parsing thread: parses its share of a work tree's files (thread-loop.ts)
 * and posts back the ones that came out clean, as text and plain value; the
 * main thread finds their positions only if a diagnostic needs one.
 */
import { serveChunks } from './thread-loop.js';
import type { Parsed } from './worker-pool.js';

serveChunks(({ path, text, data }): Parsed => ({ path, text, data }));
