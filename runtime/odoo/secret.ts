/**
 * A password or API key that cannot leak by accident: printing, logging, JSON.stringify and
 * util.inspect all show `[redacted]`; only `reveal()` gives the value, at the moment it is sent.
 */

const values = new WeakMap<Secret, string>();

export class Secret {
  constructor(value: string) {
    values.set(this, value);
  }

  reveal(): string {
    return values.get(this) ?? "";
  }

  get isEmpty(): boolean {
    return this.reveal() === "";
  }

  toString(): string {
    return "[redacted]";
  }

  toJSON(): string {
    return "[redacted]";
  }

  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return "Secret([redacted])";
  }
}
