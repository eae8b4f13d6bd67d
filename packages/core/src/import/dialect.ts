/** How a delimited file separates its cells. */
export type Delimiter = "," | ";" | "\t" | "|";

const CANDIDATES: readonly Delimiter[] = [",", ";", "\t", "|"];
const SEP_LINE = /^sep=(.)[ \t]*(\r\n|\n|\r|$)/i;
// Enough text to hold any real header line, and then some.
const SAMPLE_CHARS = 64 * 1024;

export interface Dialect {
  delimiter: Delimiter;
  /** The text with Excel's `sep=` line, if any, taken off. */
  text: AsyncGenerator<string>;
}

/**
 * Settles how a file is delimited, from Excel's `sep=;` first line when
 * there is one, else from the header: the candidate it holds most often
 * outside quotes (a comma on a tie). Regional Excel writes `;`, database
 * tools tabs.
 */
export async function readDialect(
  text: AsyncIterable<string>,
): Promise<Dialect> {
  const iterator = text[Symbol.asyncIterator]();
  let head = "";
  let ended = false;
  while (head.length < SAMPLE_CHARS && !/[\r\n]/.test(stripQuoted(head))) {
    const next = await iterator.next();
    if (next.done) {
      ended = true;
      break;
    }
    head += next.value;
  }
  let delimiter: Delimiter | undefined;
  const sep = SEP_LINE.exec(head);
  if (sep) {
    delimiter = asDelimiter(sep[1] ?? "");
    head = head.slice(sep[0].length);
  }
  delimiter ??= delimiterOf(firstLine(head));
  async function* rest(): AsyncGenerator<string> {
    if (head) yield head;
    if (ended) return;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  }
  return { delimiter, text: rest() };
}

function asDelimiter(char: string): Delimiter {
  return (CANDIDATES as readonly string[]).includes(char)
    ? (char as Delimiter)
    : ",";
}

/** The candidate delimiter a header line holds most often. */
export function delimiterOf(line: string): Delimiter {
  const plain = stripQuoted(line);
  let best: Delimiter = ",";
  let most = 0;
  for (const candidate of CANDIDATES) {
    const count = plain.split(candidate).length - 1;
    if (count > most) {
      best = candidate;
      most = count;
    }
  }
  return best;
}

// Drops quoted stretches, whose commas and line breaks are data.
function stripQuoted(text: string): string {
  return text.replace(/"(?:[^"]|"")*("|$)/g, "");
}

function firstLine(text: string): string {
  const plain = stripQuoted(text);
  const end = plain.search(/[\r\n]/);
  return end === -1 ? plain : plain.slice(0, end);
}
