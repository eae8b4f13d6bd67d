/** Counts the bytes a stream has yielded so far, for progress. */
export function countingBytes(source: AsyncIterable<Uint8Array>) {
  const state = { bytes: 0 };
  async function* counted(): AsyncGenerator<Uint8Array> {
    for await (const chunk of source) {
      state.bytes += chunk.length;
      yield chunk;
    }
  }
  return { source: counted(), state };
}
