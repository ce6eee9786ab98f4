/**
 * A JSON file's text with positions: any problem found later — a schema error at an ajv
 * `instancePath`, an unknown fact deep in `conditions` — can be reported at the exact
 * `line:column` a reviewer sees in the editor (1-based, like momoa).
 *
 * The value comes from JSON.parse, and momoa parses the text for positions only when a
 * position is first asked for, that is when a file has a problem: a valid rules folder is
 * never parsed twice. Measured on the shipped rules (340 KB of JSON), momoa took 40-65 ms of a
 * 1,000-case month's ~600 ms audit (node --cpu-prof on the bundled bin), JSON.parse ~2 ms.
 * Both give the same value for valid JSON (own properties, the last duplicate key winning);
 * text JSON.parse refuses is parsed by momoa for the position and the reason.
 */
import { evaluate, parse, type DocumentNode, type MemberNode, type ValueNode } from '@humanwhocodes/momoa';
import { msg, type Message } from '../messages/catalogue.js';
import type { Localized } from '../text.js';

export interface Position {
  line: number;
  column: number;
}

export interface JsonSource {
  /** momoa's tree of the text, parsed on first use. */
  readonly document: DocumentNode;
  value: unknown;
}

export type ParsedJson =
  | { ok: true; source: JsonSource }
  /** Bad JSON: where the parser stopped and its reason. */
  | { ok: false; position: Position; reason: Message };

const BOM = '\ufeff';

export function parseJsonSource(text: string): ParsedJson {
  // A BOM is invisible in editors; dropping it keeps columns as the reviewer counts them.
  const body = text.startsWith(BOM) ? text.slice(1) : text;
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return parseWithPositions(body);
  }
  let document: DocumentNode | undefined;
  return {
    ok: true,
    source: {
      get document() {
        return (document ??= parse(body, { mode: 'json', ranges: true }));
      },
      value,
    },
  };
}

function parseWithPositions(body: string): ParsedJson {
  try {
    const document = parse(body, { mode: 'json', ranges: true });
    return { ok: true, source: { document, value: evaluate(document.body) } };
  } catch (err) {
    const e = err as Error & Partial<Position>;
    const position = { line: e.line ?? 1, column: e.column ?? 1 };
    // momoa appends "(line:col)" to its message; the position is carried separately.
    return { ok: false, position, reason: parserReason(e.message.replace(/\s*\(\d+:\d+\)\s*$/, '')) };
  }
}

/** momoa's token types: in English as momoa names them, in Chinese as a reviewer sees them in the file. */
const TOKENS: Readonly<Record<string, Localized>> = {
  LBrace: { zh: '“{”', en: 'LBrace' },
  RBrace: { zh: '“}”', en: 'RBrace' },
  LBracket: { zh: '“[”', en: 'LBracket' },
  RBracket: { zh: '“]”', en: 'RBracket' },
  Comma: { zh: '“,”', en: 'Comma' },
  Colon: { zh: '“:”', en: 'Colon' },
  String: { zh: '字符串', en: 'String' },
  Number: { zh: '数值', en: 'Number' },
  Boolean: { zh: 'true/false', en: 'Boolean' },
  Null: { zh: 'null', en: 'Null' },
};

/**
 * momoa's reasons (four sentences, measured in its source) as messages; anything else is quoted
 * as the parser says it.
 */
function parserReason(reason: string): Message {
  const token = /^Unexpected token (\w+) found\.$/.exec(reason);
  if (token) {
    const type = token[1]!;
    return msg('json.unexpectedToken', { token: TOKENS[type] ?? { zh: ` ${type}`, en: type } });
  }
  const char = /^Unexpected character '(.*)' found\.$/s.exec(reason);
  if (char) return msg('json.unexpectedChar', { char: char[1]! });
  const identifier = /^Unexpected identifier '(.*)' found\.$/s.exec(reason);
  if (identifier) return msg('json.unexpectedIdentifier', { name: identifier[1]! });
  if (/^Unexpected end of input found\.$/.test(reason)) return msg('json.unexpectedEnd');
  return msg('json.parserSays', { reason });
}

/** Splits a JSON pointer (`/conditions/all/0`) into its unescaped segments. */
export function pointerSegments(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function joinPointer(pointer: string, ...segments: (string | number)[]): string {
  return pointer + segments.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

interface Step {
  node: ValueNode;
  /** The member whose value `node` is, when reached through an object key. */
  member?: MemberNode;
}

function child(node: ValueNode, segment: string): Step | undefined {
  if (node.type === 'Object') {
    // The last duplicate wins, as in JSON.parse and hence in the validated value.
    const member = [...node.members].reverse().find((m) => memberName(m) === segment);
    return member ? { node: member.value, member } : undefined;
  }
  if (node.type === 'Array' && /^\d+$/.test(segment)) {
    const element = node.elements[Number(segment)];
    return element ? { node: element.value } : undefined;
  }
  return undefined;
}

function memberName(m: MemberNode): string {
  return m.name.type === 'String' ? m.name.value : m.name.name;
}

/**
 * The position of the node a JSON pointer names. `target: 'key'` gives the key of the member
 * holding it (the place to point at for "unknown property" or "missing property inside this
 * object"); a node reached through an array, or the root, gives its value's start instead.
 * A pointer that runs past the document stops at the deepest node it reached.
 */
export function locate(source: JsonSource, pointer: string, target: 'value' | 'key' = 'value'): Position {
  let step: Step = { node: source.document.body };
  for (const segment of pointerSegments(pointer)) {
    const next = child(step.node, segment);
    if (!next) break;
    step = next;
  }
  const at = target === 'key' && step.member ? step.member.name : step.node;
  return { line: at.loc.start.line, column: at.loc.start.column };
}

/** Whether the pointer names a node that exists in the document. */
export function hasNode(source: JsonSource, pointer: string): boolean {
  let node: ValueNode = source.document.body;
  for (const segment of pointerSegments(pointer)) {
    const next = child(node, segment);
    if (!next) return false;
    node = next.node;
  }
  return true;
}
