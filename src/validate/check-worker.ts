/** The checking thread of `validate` (check-thread.ts): diagnostics and stubs only. */
import { serveCheckedPlans } from './check-thread.js';

serveCheckedPlans();
