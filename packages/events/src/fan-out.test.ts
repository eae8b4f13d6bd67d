import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { mapSettled } from "./fan-out.js";

describe("mapSettled", () => {
  it("keeps at most the limit in flight and awaits every item", async () => {
    let inFlight = 0;
    let most = 0;
    const results = await mapSettled([1, 2, 3, 4, 5, 6, 7], 3, async (n) => {
      inFlight++;
      most = Math.max(most, inFlight);
      await sleep(10 * (n % 3));
      inFlight--;
      if (n === 4) throw new Error("four");
      return n * 2;
    });
    expect(most).toBe(3);
    expect(inFlight).toBe(0);
    expect(
      results.map((r) => (r.status === "fulfilled" ? r.value : "x")),
    ).toEqual([2, 4, 6, "x", 10, 12, 14]);
  });

  it("refuses a limit below one", async () => {
    await expect(mapSettled([1], 0, async (n) => n)).rejects.toThrow(
      "concurrency limit",
    );
  });
});
