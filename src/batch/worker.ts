/**
 * The pool's worker module (piscina calls the default export once per task). Each worker runs
 * one task at a time, so the json-rules-engine engine an audit builds is never shared.
 */
import { auditToReport } from './audit-job.js';

export default auditToReport;
