/**
 * How much of a rule file the loader reads: a rule is a few kilobytes of JSON nested a few levels
 * deep, so a file of megabytes or thousands of levels is a mistake or an attack. A 50 MB rule file
 * took 2 GB to parse and check, and 1,000 nested `not` groups overflowed the stack of the
 * recursive parser and validator. Both are checked on the raw bytes before any parsing (nesting
 * by one pass over the text, with no recursion), and reported as a problem of the file, with its
 * line:col and the option that raises the limit.
 */
export interface RuleLimits {
  /** Bytes in one rule, policy or calendar file. */
  maxRuleFileBytes: number;
  /** Objects and lists inside each other in one file (a condition group is two: the group and its list). */
  maxRuleNesting: number;
}

export const DEFAULT_RULE_LIMITS: Readonly<RuleLimits> = Object.freeze({
  // The largest shipped rule file is under 10 KB.
  maxRuleFileBytes: 1024 * 1024,
  // The deepest shipped rule nests 9 levels; 64 leaves room for ~30 levels of condition groups.
  maxRuleNesting: 64,
});

/** The command-line option that sets each limit, and the unit it is given in (docs/cli.md). */
export const RULE_LIMIT_FLAGS: Record<keyof RuleLimits, { flag: string; unit: number }> = {
  maxRuleFileBytes: { flag: '--max-rule-file-kb', unit: 1024 },
  maxRuleNesting: { flag: '--max-rule-nesting', unit: 1 },
};

export function ruleLimits(options: Partial<RuleLimits> = {}): RuleLimits {
  const limits = { ...DEFAULT_RULE_LIMITS };
  for (const name of Object.keys(DEFAULT_RULE_LIMITS) as (keyof RuleLimits)[]) {
    const value = options[name];
    if (value !== undefined) limits[name] = value;
  }
  return limits;
}

export interface TooDeep {
  depth: number;
  line: number;
  column: number;
}

/**
 * Where the text's objects and lists first nest deeper than `max`, or undefined. Strings are
 * skipped (a `{` inside a string is text); one pass, no recursion, so any depth is safe.
 */
export function nestingBeyond(text: string, max: number): TooDeep | undefined {
  let depth = 0;
  let line = 1;
  let lineStart = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) {
      line++;
      lineStart = i + 1;
    } else if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return { depth, line, column: i - lineStart + 1 };
    } else if (c === 0x7d || c === 0x5d) {
      depth--;
    }
  }
  return undefined;
}
