/** The checking thread of status, deadlines and summary: checks its plans as `validate`'s does, and keeps what the report needs of each (src/reports/parts.ts). */
import { reportPart, type ReportSpec } from '../reports/parts.js';
import { serveCheckedPlans } from '../validate/check-thread.js';

// Posted parts reach the main thread as copies: copying their strings here would be wasted.
serveCheckedPlans((plan, facts, spec) => reportPart(plan, facts, spec as ReportSpec, 'posted'));
