/**
 * A streaming XML scanner for the parts of a workbook: UTF-8 bytes go in chunk by chunk, and
 * the handler hears each start tag, end tag and (when it asks for it) text. It is written for
 * SpreadsheetML rather than taken from saxes because saxes looks at every character in
 * JavaScript and builds an attribute object per tag: on a 100,000-case sheet it alone cost
 * 2.6× the time of inflating the sheet, the audit's whole budget. This scanner finds markup in
 * the inflated bytes and makes strings only where they are wanted: a name the handler does not
 * switch on, an attribute value asked for, a text run the handler wants
 * (test/ledger/xlsx/xml-scanner.test.ts checks it against saxes on the same documents, cut at
 * every byte, event by event).
 *
 * Bytes rather than text, because a sheet is ~60 MB of ASCII markup whose text is all in the
 * shared strings: turning each inflated chunk into a string cost 55–120 ms on the 100,000-case
 * bench sheet, and a loop reading every character with charCodeAt took 110–150 ms against
 * ~70 ms reading the bytes (docs/performance.md has the read before and after). Markup (`<`,
 * `>`, quotes, `=`, white space) is ASCII, so a UTF-8 character is never cut by a token
 * boundary, and the bytes are checked to be UTF-8 before they come here (part-parser.ts).
 *
 * It checks what a reader of untrusted files must: tags nest and close (a part cut off
 * mid-way is an error, never a shorter sheet), entity and character references are the five
 * predefined ones or valid characters, and there is no DOCTYPE (so no entity declarations:
 * no billion laughs, no external entities). Element and attribute names are reported without
 * their namespace prefix (`x:c` is `c`): SpreadsheetML is read by local name, as Excel does.
 */

export class XmlError extends Error {
  override readonly name = 'XmlError';
  constructor(
    message: string,
    /** The refusal is about a limit (a token longer than the scanner may hold), not damage. */
    readonly tooLong = false,
  ) {
    super(message);
  }
}

export interface XmlHandler {
  /** A start tag; its attributes can be read with `scanner.attribute()` during the call. */
  open(name: string): void;
  /** An end tag; an empty-element tag (`<c/>`) is heard as open then close. */
  close(name: string): void;
  /** Character data (text and CDATA), references decoded, line ends normalised; in pieces. */
  text(text: string): void;
  /** Text is decoded only while this is true (most text between tags is not wanted). */
  readonly wantsText: boolean;
  /** While true, each markup is first offered to `shortcut`. */
  readonly wantsShortcut?: boolean;
  /**
   * May read a whole element at `lt` (its start tag, content and end tag) straight from the
   * bytes, as the scanner would have reported it, and return the index after it; or return -1
   * to leave it to the scanner. For the one element a part has millions of (a sheet's cells).
   * It may also read the end tag of the innermost open element with the start tag of its next
   * sibling of the same name (`</row><row r="8">`): the open elements stay as they were.
   * `end` is just past the buffer's last `>`: a complete element ends there at the latest, and
   * a shortcut that reads no byte at or past it never reads past the buffer's end (which
   * returns undefined and throws V8 out of its optimised code, as NaN did for strings).
   */
  shortcut?(buffer: Buffer, lt: number, end: number): number;
}

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const BANG = 0x21;
const QUESTION = 0x3f;
const EQUALS = 0x3d;
const COLON = 0x3a;
const QUOTE = 0x22;
const APOSTROPHE = 0x27;

const MAX_VOCABULARY_LENGTH = 64;
const EMPTY = Buffer.alloc(0);

function vocabularyKey(length: number, firstCode: number): number {
  return length * 128 + (firstCode & 127);
}

function isSpace(code: number | undefined): boolean {
  return code === 0x20 || code === 0x0a || code === 0x09 || code === 0x0d;
}

/** A name ends at white space, `/`, `>` or `=` (or the end of the bytes: undefined). */
function endsName(code: number | undefined): boolean {
  return code === undefined || code <= 0x20 || code === SLASH || code === GT || code === EQUALS;
}

/** The text of bytes [start, end), which were checked to be UTF-8 (part-parser.ts). */
export function utf8(buffer: Buffer, start: number, end: number): string {
  return buffer.toString('utf8', start, end);
}

/**
 * Whether bytes [start, end) spell `name`. A name whose UTF-8 is as long as its UTF-16 is ASCII
 * (any other character takes more bytes than code units), and is compared byte by byte.
 */
function bytesEqual(buffer: Buffer, start: number, end: number, name: string): boolean {
  if (end - start !== name.length) return end - start > name.length && utf8(buffer, start, end) === name;
  for (let i = 0; i < name.length; i++) if (buffer[start + i] !== name.charCodeAt(i)) return false;
  return true;
}

/** Whether the ASCII text `ascii` is at `at` (false when the bytes end first). */
export function startsWithAscii(buffer: Buffer, ascii: string, at: number): boolean {
  if (at + ascii.length > buffer.length) return false;
  for (let i = 0; i < ascii.length; i++) if (buffer[at + i] !== ascii.charCodeAt(i)) return false;
  return true;
}

/** The first `byte` at or after `from` and before `end`, or -1: a loop, as the runs searched are short and a call into Buffer#indexOf costs more. */
export function indexOfByte(buffer: Buffer, byte: number, from: number, end: number): number {
  for (let at = from; at < end; at++) if (buffer[at] === byte) return at;
  return -1;
}

function indexOfAscii(buffer: Buffer, ascii: string, from: number): number {
  return buffer.indexOf(ascii, from, 'latin1');
}

export class XmlScanner {
  /** Unconsumed bytes: the start of a tag, comment or text run cut by the chunk's end. */
  private rest: Buffer = EMPTY;
  private buffer: Buffer = EMPTY;
  /** Qualified names of the open elements, outermost first. */
  private readonly stack: string[] = [];
  private sawRoot = false;
  /** Vocabulary names by `length * 128 + first byte & 127`: a table lookup per tag, no string made. */
  private readonly vocabulary: (string[] | undefined)[] = [];
  /** Local names of the open elements, as reported to the handler (so end tags need no lookup). */
  private readonly localStack: string[] = [];
  /** The current start tag's attributes as offsets into `buffer`: name start, local name start, name end, value start, value end. */
  private attributeOffsets: number[] = [];
  private attributeCount = 0;

  /**
   * @param names local names the handler switches on (ASCII): reported as these very strings,
   *   so a `switch` compares pointers and no string is made per tag.
   * @param maxTokenChars the longest tag, text run or comment held while waiting for its end, in
   *   characters (UTF-16 code units, as `maxCellChars` counts): what bounds the memory one
   *   hostile part can take. The bytes held are counted first and the characters only when the
   *   bytes pass the limit, so at most 3 bytes per character are held (UTF-8).
   */
  constructor(
    private readonly handler: XmlHandler,
    names: readonly string[],
    private readonly maxTokenChars: number,
  ) {
    for (const name of names) {
      const key = vocabularyKey(name.length, name.charCodeAt(0));
      (this.vocabulary[key] ??= []).push(name);
    }
  }

  /** The current start tag's attribute by local name, decoded; undefined when absent. */
  attribute(localName: string): string | undefined {
    const offsets = this.attributeOffsets;
    const buffer = this.buffer;
    for (let i = 0; i < this.attributeCount; i++) {
      const at = i * 5;
      const local = offsets[at + 1]!;
      if (buffer[local] === localName.charCodeAt(0) || localName.charCodeAt(0) > 0x7f) {
        if (bytesEqual(buffer, local, offsets[at + 2]!, localName)) return attributeValue(utf8(buffer, offsets[at + 3]!, offsets[at + 4]!));
      }
    }
    return undefined;
  }

  /** The qualified name of the innermost open element (as written, prefix and all); undefined at the top. */
  innermost(): string | undefined {
    return this.stack[this.stack.length - 1];
  }

  /** Every attribute of the current start tag as [qualified name, value] (for tests and saxes comparisons). */
  attributes(): [string, string][] {
    const found: [string, string][] = [];
    for (let i = 0; i < this.attributeCount; i++) {
      const at = i * 5;
      const o = this.attributeOffsets;
      found.push([utf8(this.buffer, o[at]!, o[at + 2]!), attributeValue(utf8(this.buffer, o[at + 3]!, o[at + 4]!))]);
    }
    return found;
  }

  /** The next bytes of the part, UTF-8 (checked by the caller; a character may be cut at either end). */
  write(chunk: Buffer): void {
    const from = this.rest.length > 0 ? this.finishRest(chunk) : 0;
    if (from < 0) {
      // The token cut at the last chunk's end did not end early in this one: scan them joined.
      const buffer = Buffer.concat([this.rest, chunk]);
      this.rest = this.scanFrom(buffer, 0);
    } else {
      this.rest = this.scanFrom(chunk, from);
    }
    if (this.rest.length > this.maxTokenChars && utf8(this.rest, 0, this.rest.length).length > this.maxTokenChars) {
      throw new XmlError(`a tag or text of more than ${this.maxTokenChars} characters`, true);
    }
  }

  /** Scans `buffer` from `from`; returns the incomplete rest. */
  private scanFrom(buffer: Buffer, from: number): Buffer {
    this.buffer = buffer;
    const stop = this.scan(buffer, from);
    return stop < buffer.length ? buffer.subarray(stop) : EMPTY;
  }

  /**
   * Scans the token cut at the last chunk's end joined with this chunk up to its first `>`, and
   * returns where in the chunk scanning goes on (-1 when that token runs past that `>`). So the
   * chunk itself is scanned where it lies and not copied behind the rest.
   */
  private finishRest(chunk: Buffer): number {
    const gt = chunk.indexOf(GT);
    if (gt < 0) return -1;
    const rest = this.rest;
    const head = Buffer.concat([rest, chunk.subarray(0, gt + 1)]);
    this.buffer = head;
    const stop = this.scan(head, 0);
    if (stop < rest.length) return -1;
    this.rest = EMPTY;
    return stop - rest.length;
  }

  /** The end of the document: anything left open means the part was cut off or is damaged. */
  end(): void {
    const rest = utf8(this.rest, 0, this.rest.length);
    if (rest.trim() !== '') {
      throw new XmlError(`the XML ends inside a tag or text (${JSON.stringify(rest.slice(0, 40))}…): the part is cut off or damaged`);
    }
    if (this.stack.length > 0) {
      throw new XmlError(`the XML ends before </${this.stack[this.stack.length - 1]}> (${this.stack.length} elements left open): the part is cut off or damaged`);
    }
    if (!this.sawRoot) throw new XmlError('the part holds no XML element');
  }

  /** Scans complete markup from the start; returns where the incomplete rest begins. */
  private scan(buffer: Buffer, from: number): number {
    const handler = this.handler;
    const length = buffer.length;
    let at = from;
    /** Just past the buffer's last `>`, found when a shortcut first needs it. */
    let shortcutEnd = -1;
    for (;;) {
      const lt = buffer[at] === LT ? at : buffer.indexOf(LT, at);
      if (lt < 0) {
        // A text run may go on in the next chunk: keep it whole (a reference may be cut).
        return at;
      }
      if (lt > at && handler.wantsText) this.emitText(buffer, at, lt);
      if (lt + 1 === length) return lt;
      if (handler.wantsShortcut === true) {
        if (shortcutEnd < 0) shortcutEnd = buffer.lastIndexOf(GT) + 1;
        const after = handler.shortcut!(buffer, lt, shortcutEnd);
        if (after > 0) {
          at = after;
          continue;
        }
      }
      const next = buffer[lt + 1];
      let end: number;
      if (next === SLASH) end = this.endTag(buffer, lt);
      else if (next === BANG) end = this.bang(buffer, lt);
      else if (next === QUESTION) end = processingInstructionEnd(buffer, lt);
      else end = this.startTag(buffer, lt);
      if (end < 0) return lt;
      at = end;
    }
  }

  private emitText(buffer: Buffer, from: number, to: number): void {
    this.handler.text(decodeText(utf8(buffer, from, to)));
  }

  /**
   * A start tag. Its end is found first (`>`; a later one when a quoted value holds `>`), so
   * every byte read lies inside the buffer: reading past the end would return undefined and
   * throw V8 out of its optimised code (measured on strings, where it returns NaN: the scan ran
   * 2× slower).
   */
  private startTag(buffer: Buffer, lt: number): number {
    let end = buffer.indexOf(GT, lt + 1);
    if (end < 0) return -1;
    let at = lt + 1;
    let colon = -1;
    let code = buffer[at]!;
    while (at < end && code > 0x20 && code !== SLASH && code !== EQUALS) {
      if (code === COLON) colon = at;
      code = buffer[++at]!;
    }
    const nameEnd = at;
    if (nameEnd === lt + 1) throw new XmlError(`a "<" that starts no tag (${JSON.stringify(utf8(buffer, lt, Math.min(buffer.length, lt + 20)))})`);
    // Attributes: name = "value" pairs up to `>` or `/>`; a quote may hold `>`.
    let count = 0;
    const offsets = this.attributeOffsets;
    let selfClosing = false;
    for (;;) {
      while (at < end && isSpace(code)) code = buffer[++at]!;
      if (at === end) break;
      if (code === SLASH) {
        if (at + 1 === end) {
          selfClosing = true;
          at = end;
          break;
        }
        throw new XmlError(`a "/" inside the tag <${utf8(buffer, lt + 1, nameEnd)}>`);
      }
      const nameStart = at;
      let localStart = at;
      while (at < end && code > 0x20 && code !== EQUALS && code !== SLASH) {
        if (code === COLON) localStart = at + 1;
        code = buffer[++at]!;
      }
      const attributeNameEnd = at;
      while (at < end && isSpace(code)) code = buffer[++at]!;
      if (at === end || code !== EQUALS || attributeNameEnd === nameStart) {
        throw new XmlError(`an attribute without "=value" in the tag <${utf8(buffer, lt + 1, nameEnd)}>`);
      }
      code = buffer[++at]!;
      while (at < end && isSpace(code)) code = buffer[++at]!;
      if (at === end || (code !== QUOTE && code !== APOSTROPHE)) {
        throw new XmlError(`an attribute value without quotes in the tag <${utf8(buffer, lt + 1, nameEnd)}>`);
      }
      const close = buffer.indexOf(code, at + 1);
      if (close < 0) return -1;
      if (close > end) {
        end = buffer.indexOf(GT, close + 1);
        if (end < 0) return -1;
      }
      const base = count * 5;
      offsets[base] = nameStart;
      offsets[base + 1] = localStart;
      offsets[base + 2] = attributeNameEnd;
      offsets[base + 3] = at + 1;
      offsets[base + 4] = close;
      count += 1;
      at = close + 1;
      code = buffer[at]!;
      if (at < end && !isSpace(code) && code !== SLASH) {
        throw new XmlError(`no space between attributes in the tag <${utf8(buffer, lt + 1, nameEnd)}>`);
      }
    }
    this.attributeCount = count;
    if (this.stack.length === 0) {
      if (this.sawRoot) throw new XmlError('a second root element');
      this.sawRoot = true;
    }
    const known = this.known(buffer, colon < 0 ? lt + 1 : colon + 1, nameEnd);
    const qualified = colon < 0 && known !== undefined ? known : utf8(buffer, lt + 1, nameEnd);
    const local = known ?? (colon < 0 ? qualified : utf8(buffer, colon + 1, nameEnd));
    this.handler.open(local);
    if (selfClosing) {
      this.handler.close(local);
    } else {
      this.stack.push(qualified);
      this.localStack.push(local);
    }
    this.attributeCount = 0;
    return end + 1;
  }

  /** The vocabulary's own string for the name at [start, end), so that no string is made. */
  private known(buffer: Buffer, start: number, end: number): string | undefined {
    const candidates = end - start < MAX_VOCABULARY_LENGTH ? this.vocabulary[vocabularyKey(end - start, buffer[start]!)] : undefined;
    if (candidates === undefined) return undefined;
    for (let i = 0; i < candidates.length; i++) {
      const name = candidates[i]!;
      if (name.length === 1 ? buffer[start] === name.charCodeAt(0) : bytesEqual(buffer, start, end, name)) return name;
    }
    return undefined;
  }

  private endTag(buffer: Buffer, lt: number): number {
    const gt = buffer.indexOf(GT, lt + 2);
    if (gt < 0) return -1;
    let nameEnd = lt + 2;
    while (!endsName(buffer[nameEnd])) nameEnd++;
    const open = this.stack.pop();
    if (open === undefined || !bytesEqual(buffer, lt + 2, nameEnd, open)) {
      const found = utf8(buffer, lt + 2, nameEnd);
      throw new XmlError(open === undefined ? `an end tag </${found}> with no element open` : `</${found}> where </${open}> was expected`);
    }
    for (let at = nameEnd; at < gt; at++) {
      if (!isSpace(buffer[at])) throw new XmlError(`unexpected text in the end tag </${open}>`);
    }
    this.handler.close(this.localStack.pop()!);
    return gt + 1;
  }

  /** `<!--…-->`, `<![CDATA[…]]>`; a DOCTYPE (and so any entity declaration) is refused. */
  private bang(buffer: Buffer, lt: number): number {
    if (startsWithAscii(buffer, '<!--', lt)) {
      const close = indexOfAscii(buffer, '-->', lt + 4);
      return close >= 0 ? close + 3 : -1;
    }
    if (startsWithAscii(buffer, '<![CDATA[', lt)) {
      const close = indexOfAscii(buffer, ']]>', lt + 9);
      if (close < 0) return -1;
      if (this.handler.wantsText && close > lt + 9) this.handler.text(normaliseLineEnds(utf8(buffer, lt + 9, close)));
      return close + 3;
    }
    if (buffer.length - lt < 9) return -1;
    if (startsWithAscii(buffer, '<!DOCTYPE', lt) || startsWithAscii(buffer, '<!ENTITY', lt)) {
      throw new XmlError('the XML has a DOCTYPE (document type and entity declarations are refused: they can expand without bound or read other files)');
    }
    throw new XmlError(`unknown markup ${JSON.stringify(utf8(buffer, lt, Math.min(buffer.length, lt + 12)))}`);
  }
}

function processingInstructionEnd(buffer: Buffer, lt: number): number {
  const close = indexOfAscii(buffer, '?>', lt + 2);
  return close >= 0 ? close + 2 : -1;
}

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Text with its line ends normalised (`\r\n` and `\r` → `\n`) and references decoded. */
export function decodeText(raw: string): string {
  const text = raw.indexOf('\r') < 0 ? raw : normaliseLineEnds(raw);
  return text.indexOf('&') < 0 ? text : decodeReferences(text);
}

function normaliseLineEnds(text: string): string {
  return text.indexOf('\r') < 0 ? text : text.replace(/\r\n?/g, '\n');
}

/** An attribute value: references decoded, each white space character a space (XML 1.0 §3.3.3). */
function attributeValue(raw: string): string {
  for (let i = 0; i < raw.length; i++) {
    const code = raw.charCodeAt(i);
    if (code === 0x26 || code === 0x09 || code === 0x0a || code === 0x0d) {
      const value = raw.replace(/\r\n|[\t\n\r]/g, ' ');
      return value.indexOf('&') < 0 ? value : decodeReferences(value);
    }
  }
  return raw;
}

function decodeReferences(text: string): string {
  let out = '';
  let from = 0;
  for (let amp = text.indexOf('&'); amp >= 0; amp = text.indexOf('&', from)) {
    const semicolon = text.indexOf(';', amp + 1);
    if (semicolon < 0 || semicolon - amp > 12) throw new XmlError(`a "&" that starts no reference (${JSON.stringify(text.slice(amp, amp + 12))})`);
    out += text.slice(from, amp) + referenced(text.slice(amp + 1, semicolon));
    from = semicolon + 1;
  }
  return out + text.slice(from);
}

function referenced(name: string): string {
  if (name.charCodeAt(0) === 0x23) {
    const hex = name.charCodeAt(1) === 0x78;
    const digits = name.slice(hex ? 2 : 1);
    const code = digits !== '' && (hex ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(digits) ? Number.parseInt(digits, hex ? 16 : 10) : Number.NaN;
    if (!isXmlChar(code)) throw new XmlError(`the character reference &${name}; is not a character XML allows`);
    return String.fromCodePoint(code);
  }
  const predefined = Object.hasOwn(PREDEFINED, name) ? PREDEFINED[name] : undefined;
  if (predefined === undefined) throw new XmlError(`the entity &${name}; is not defined (only &lt; &gt; &amp; &quot; &apos; are)`);
  return predefined;
}

/** XML 1.0's Char production. */
function isXmlChar(code: number): boolean {
  return code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
}
