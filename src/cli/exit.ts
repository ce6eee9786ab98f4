/** Exit codes (docs/cli.md), set only in the thin bin. */
export const EXIT_OK = 0;
/** The audit ran and found findings at or above --fail-on. */
export const EXIT_FINDINGS = 1;
/** It could not run: bad input, bad rules, bad usage. */
export const EXIT_FATAL = 2;
