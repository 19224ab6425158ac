/**
 * Finding places in JSON text, for messages that name a line and column: where a syntax error
 * is (Node's JSON.parse does not always say), and where the value at a JSON path starts.
 */

class Scanner {
  index = 0;
  constructor(readonly text: string) {}

  skipSpace(): void {
    while (this.index < this.text.length && " \t\n\r".includes(this.text.charAt(this.index))) this.index += 1;
  }

  peek(): string {
    return this.text.charAt(this.index);
  }

  /** Reads a string at the cursor; undefined (cursor on the problem) when it is not one. */
  string(): string | undefined {
    if (this.peek() !== '"') return undefined;
    const start = this.index;
    this.index += 1;
    while (this.index < this.text.length) {
      const char = this.text.charAt(this.index);
      if (char === '"') {
        this.index += 1;
        try {
          return JSON.parse(this.text.slice(start, this.index)) as string;
        } catch {
          this.index = start;
          return undefined;
        }
      }
      if (char === "\\") this.index += 2;
      else if (char < " ") return undefined;
      else this.index += 1;
    }
    return undefined;
  }

  /** Skips one value; false (cursor on the problem) when the text is not JSON there. */
  value(): boolean {
    this.skipSpace();
    const char = this.peek();
    if (char === '"') return this.string() !== undefined;
    if (char === "{") return this.object();
    if (char === "[") return this.array();
    const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(this.text.slice(this.index, this.index + 400));
    if (literal === null) return false;
    this.index += literal[0].length;
    return true;
  }

  private object(): boolean {
    this.index += 1;
    this.skipSpace();
    if (this.peek() === "}") {
      this.index += 1;
      return true;
    }
    for (;;) {
      this.skipSpace();
      if (this.string() === undefined) return false;
      this.skipSpace();
      if (this.peek() !== ":") return false;
      this.index += 1;
      if (!this.value()) return false;
      this.skipSpace();
      if (this.peek() === "}") {
        this.index += 1;
        return true;
      }
      if (this.peek() !== ",") return false;
      this.index += 1;
    }
  }

  private array(): boolean {
    this.index += 1;
    this.skipSpace();
    if (this.peek() === "]") {
      this.index += 1;
      return true;
    }
    for (;;) {
      if (!this.value()) return false;
      this.skipSpace();
      if (this.peek() === "]") {
        this.index += 1;
        return true;
      }
      if (this.peek() !== ",") return false;
      this.index += 1;
    }
  }
}

/** Offset of the first syntax error in `text`, or undefined when it is valid JSON. */
export function jsonSyntaxErrorOffset(text: string): number | undefined {
  const scanner = new Scanner(text);
  if (!scanner.value()) return scanner.index;
  scanner.skipSpace();
  return scanner.index < text.length ? scanner.index : undefined;
}

/**
 * Offset where the value at `path` starts in valid JSON `text`; when the path goes past what
 * the text holds (a missing property), the offset of the deepest value that exists on it.
 */
export function jsonPathOffset(text: string, path: readonly PropertyKey[]): number {
  const scanner = new Scanner(text);
  scanner.skipSpace();
  let found = scanner.index;
  for (const key of path) {
    const opener = scanner.peek();
    if (opener === "{" && typeof key === "string") {
      scanner.index += 1;
      let matched = false;
      for (;;) {
        scanner.skipSpace();
        const name = scanner.string();
        if (name === undefined) break;
        scanner.skipSpace();
        scanner.index += 1; // the colon
        scanner.skipSpace();
        if (name === key) {
          matched = true;
          break;
        }
        if (!scanner.value()) break;
        scanner.skipSpace();
        if (scanner.peek() !== ",") break;
        scanner.index += 1;
      }
      if (!matched) return found;
    } else if (opener === "[" && typeof key === "number") {
      scanner.index += 1;
      for (let item = 0; item < key; item += 1) {
        if (!scanner.value()) return found;
        scanner.skipSpace();
        if (scanner.peek() !== ",") return found;
        scanner.index += 1;
      }
      scanner.skipSpace();
      if (scanner.peek() === "]") return found;
    } else {
      return found;
    }
    found = scanner.index;
  }
  return found;
}

/** 1-based line and column (in UTF-16 code units) of an offset. */
export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let index = 0; index < offset && index < text.length; index += 1) {
    if (text.charCodeAt(index) === 10) {
      line += 1;
      lineStart = index + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
