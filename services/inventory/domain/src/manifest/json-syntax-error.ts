/** Where a JSON text first breaks the grammar, and how. */
export interface JsonSyntaxError {
  readonly offset: number;
  readonly reason: string;
}

const numberPattern = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const unicodeEscapePattern = /u[0-9a-fA-F]{4}/y;
const whitespacePattern = /[ \t\n\r]*/y;
const literals = ['true', 'false', 'null'];

/**
 * Finds the first syntax error of a JSON text (RFC 8259), because `JSON.parse` in Node 20 does
 * not always say where it stopped. `undefined` when the text is valid. Iterative, so that deep
 * nesting cannot overflow the stack.
 */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  return new JsonScanner(text).scan();
}

/** 1-based line and column of an offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: offset - lineStart + 1 };
}

class JsonScanner {
  private offset = 0;
  /** The containers open around the current position, innermost last. */
  private readonly open: ('{' | '[')[] = [];

  constructor(private readonly text: string) {}

  scan(): JsonSyntaxError | undefined {
    let expect: 'value' | 'key' | 'after-value' = 'value';
    for (;;) {
      const char = this.next();
      if (expect === 'after-value' && this.open.length === 0) {
        return char === ''
          ? undefined
          : this.fail(`unexpected ${describe(char)} after the document`);
      }
      if (char === '') return this.fail('unexpected end of text');
      if (expect === 'key') {
        if (!this.skipString()) return this.fail(stringProblem(char, 'a quoted field name'));
        if (this.next() !== ':') return this.fail(`expected ":", found ${describe(this.next())}`);
        this.offset++;
        expect = 'value';
      } else if (expect === 'after-value') {
        const inObject = this.open[this.open.length - 1] === '{';
        const close = inObject ? '}' : ']';
        if (char === ',') expect = inObject ? 'key' : 'value';
        else if (char === close) this.open.pop();
        else return this.fail(`expected "," or "${close}", found ${describe(char)}`);
        this.offset++;
      } else if (char === '{' || char === '[') {
        expect = this.openContainer(char);
      } else {
        if (!this.skipScalar(char)) return this.fail(stringProblem(char, 'a value'));
        expect = 'after-value';
      }
    }
  }

  /** Skips whitespace and returns the character there, `''` at the end of the text. */
  private next(): string {
    this.skip(whitespacePattern);
    return this.text.charAt(this.offset);
  }

  private openContainer(char: '{' | '['): 'key' | 'value' | 'after-value' {
    this.offset++;
    if (this.next() === (char === '{' ? '}' : ']')) {
      this.offset++;
      return 'after-value';
    }
    this.open.push(char);
    return char === '{' ? 'key' : 'value';
  }

  private skipScalar(char: string): boolean {
    if (char === '"') return this.skipString();
    if (char === '-' || (char >= '0' && char <= '9')) return this.skip(numberPattern);
    const literal = literals.find((word) => this.text.startsWith(word, this.offset));
    if (literal !== undefined) this.offset += literal.length;
    return literal !== undefined;
  }

  /** Strings hold no raw control characters and only JSON's escapes. */
  private skipString(): boolean {
    const { text } = this;
    if (text.charAt(this.offset) !== '"') return false;
    let at = this.offset + 1;
    while (at < text.length) {
      const char = text.charAt(at);
      if (char === '"') {
        this.offset = at + 1;
        return true;
      }
      if (char < ' ') return false;
      if (char !== '\\') {
        at++;
        continue;
      }
      const escape = text.charAt(at + 1);
      unicodeEscapePattern.lastIndex = at + 1;
      if (escape !== '' && '"\\/bfnrt'.includes(escape)) at += 2;
      else if (unicodeEscapePattern.test(text)) at += 6;
      else return false;
    }
    return false;
  }

  private skip(pattern: RegExp): boolean {
    pattern.lastIndex = this.offset;
    if (!pattern.test(this.text)) return false;
    this.offset = pattern.lastIndex;
    return true;
  }

  private fail(reason: string): JsonSyntaxError {
    return { offset: this.offset, reason };
  }
}

function stringProblem(char: string, expected: string): string {
  return char === '"'
    ? 'a string is not closed on its line, or holds a bad escape or a control character'
    : `expected ${expected}, found ${describe(char)}`;
}

function describe(char: string): string {
  return char === '' ? 'the end of the text' : JSON.stringify(char);
}
