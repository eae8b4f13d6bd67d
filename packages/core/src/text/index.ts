import * as z from "zod";

// C0 and C1 control characters. Line breaks and tabs are allowed only where
// a field is declared multi-line.
const CONTROL = /\p{Cc}/u;
const CONTROL_EXCEPT_LAYOUT = /(?![\t\n\r])\p{Cc}/u;
const EDGE_SPACE = /^[\s\p{Z}]|[\s\p{Z}]$/u;
// Directional overrides, embeddings and isolates change how the text after
// them reads, so a name could pass itself off as another's (in a list, or
// the audit trail); single lines refuse them and the Unicode line and
// paragraph separators. Multi-line text (a bio) keeps them: it is shown
// as a block of its own and names no one.
const BIDI_OR_SEPARATOR = /[\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;

interface TextRules {
  max: number;
  multiLine?: boolean;
  allowEmpty?: boolean;
}

/**
 * A user-written string that is stored exactly as sent, or refused with a
 * reason: never silently trimmed, folded or re-encoded.
 */
export function text({
  max,
  multiLine = false,
  allowEmpty = false,
}: TextRules) {
  return z.string().superRefine((value, ctx) => {
    const problem = textProblem(value, max, multiLine, allowEmpty);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });
}

function textProblem(
  value: string,
  max: number,
  multiLine: boolean,
  allowEmpty: boolean,
): string | undefined {
  if (!value.isWellFormed()) {
    return "contains an unpaired UTF-16 surrogate, which is not valid text";
  }
  if (value.trim() === "" && !(allowEmpty && value === "")) {
    return value === "" ? "must not be empty" : "must not be only whitespace";
  }
  if ((multiLine ? CONTROL_EXCEPT_LAYOUT : CONTROL).test(value)) {
    return multiLine
      ? "must not contain control characters other than tabs and line breaks"
      : "must not contain control characters or line breaks";
  }
  if (!multiLine && BIDI_OR_SEPARATOR.test(value)) {
    return "must not contain line separators or text-direction control marks";
  }
  if (!multiLine && EDGE_SPACE.test(value)) {
    return "must not start or end with whitespace";
  }
  if ([...value].length > max) {
    return `must be at most ${max} characters`;
  }
  return undefined;
}
