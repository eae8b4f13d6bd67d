import { type ScimType, scimBadRequest } from "./errors.js";

/** One `attribute eq value` test; the attribute as written, value parsed. */
export interface Comparison {
  attribute: string;
  value: string | number | boolean | null;
}

type Token =
  | { kind: "word"; text: string; at: number }
  | { kind: "string"; value: string; at: number }
  | { kind: "paren"; text: "(" | ")"; at: number };

const MAX_LENGTH = 1000;
const WORD = /[A-Za-z0-9:._$-]/;
const OPERATORS = new Set([
  "eq",
  "ne",
  "co",
  "sw",
  "ew",
  "gt",
  "ge",
  "lt",
  "le",
  "pr",
]);

function tokenize(source: string, fail: (m: string) => never): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source.charAt(i);
    if (c === " " || c === "\t") {
      i++;
    } else if (c === "(" || c === ")") {
      tokens.push({ kind: "paren", text: c, at: i++ });
    } else if (c === '"') {
      const end = closingQuote(source, i);
      if (end < 0) fail(`the string starting at character ${i + 1} is open`);
      const literal = source.slice(i, end + 1);
      let value: unknown;
      try {
        value = JSON.parse(literal);
      } catch {
        fail(`the string at character ${i + 1} has an invalid escape`);
      }
      tokens.push({ kind: "string", value: String(value), at: i });
      i = end + 1;
    } else if (WORD.test(c)) {
      const start = i;
      while (i < source.length && WORD.test(source.charAt(i))) i++;
      tokens.push({ kind: "word", text: source.slice(start, i), at: start });
    } else {
      fail(`character ${i + 1} (${JSON.stringify(c)}) is not expected here`);
    }
  }
  return tokens;
}

function closingQuote(source: string, open: number): number {
  for (let i = open + 1; i < source.length; i++) {
    const c = source.charAt(i);
    if (c === "\\") i++;
    else if (c === '"') return i;
  }
  return -1;
}

function literal(token: Token | undefined, fail: (m: string) => never) {
  if (!token) return fail("a comparison has no value");
  if (token.kind === "string") return token.value;
  if (token.kind === "word") {
    const word = token.text.toLowerCase();
    if (word === "true") return true;
    if (word === "false") return false;
    if (word === "null") return null;
    if (/^-?\d+(\.\d+)?$/.test(token.text)) return Number(token.text);
  }
  return fail(
    `the value at character ${token.at + 1} (${token.text}) must be a ` +
      `quoted string, true, false, null or a number`,
  );
}

/**
 * Parses `attr eq value [and attr eq value ...]`, parentheses allowed:
 * the part of RFC 7644's filter grammar that identity providers send.
 * Anything else is refused with `scimType` and a detail naming the spot.
 */
export function parseComparisons(
  source: string,
  scimType: ScimType,
): Comparison[] {
  const fail = (message: string): never => {
    throw scimBadRequest(scimType, `The filter is not valid: ${message}.`);
  };
  if (source.length > MAX_LENGTH) fail(`it is over ${MAX_LENGTH} characters`);
  const tokens = tokenize(source, fail);
  if (tokens.length === 0) fail("it is empty");
  const out: Comparison[] = [];
  let depth = 0;
  let i = 0;
  const isParen = (t: Token | undefined, text: "(" | ")") =>
    t?.kind === "paren" && t.text === text;
  for (;;) {
    while (isParen(tokens[i], "(")) {
      depth++;
      i++;
    }
    out.push(comparison(tokens, i, fail));
    i += 3;
    while (isParen(tokens[i], ")")) {
      if (--depth < 0)
        fail(`the ) at character ${at(tokens[i])} closes nothing`);
      i++;
    }
    const next = tokens[i];
    if (!next) break;
    const joiner = next.kind === "word" ? next.text.toLowerCase() : "";
    if (joiner === "or" || joiner === "not") {
      fail(`only and can join comparisons, not ${joiner}`);
    }
    if (joiner !== "and") fail(`expected and at character ${at(next)}`);
    i++;
  }
  if (depth > 0) fail("a ( is never closed");
  return out;
}

const at = (token: Token | undefined) => (token?.at ?? 0) + 1;

function comparison(
  tokens: Token[],
  i: number,
  fail: (m: string) => never,
): Comparison {
  const attr = tokens[i];
  if (attr?.kind !== "word") {
    return fail(`expected an attribute name at character ${at(attr)}`);
  }
  const name = attr.text.toLowerCase();
  if (name === "not") return fail("not is not supported");
  if (OPERATORS.has(name)) {
    return fail(`expected an attribute name at character ${at(attr)}`);
  }
  const op = tokens[i + 1];
  if (op?.kind !== "word") {
    return fail(`expected an operator after ${attr.text}`);
  }
  const operator = op.text.toLowerCase();
  if (operator !== "eq") {
    return fail(
      OPERATORS.has(operator)
        ? `only the eq operator is supported, not ${operator}`
        : `${op.text} is not an operator`,
    );
  }
  return { attribute: attr.text, value: literal(tokens[i + 2], fail) };
}
