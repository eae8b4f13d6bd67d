import type { Frame } from "@roster/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOCAL_CREDENTIALS } from "./broadcaster.js";
import { shardedBroadcaster } from "./sharded-broadcaster.js";
import { startManagementStandIn } from "./stand-in.test-support.js";

let standIn: Awaited<ReturnType<typeof startManagementStandIn>>;
let sharded: ReturnType<typeof shardedBroadcaster>;

beforeAll(async () => {
  standIn = await startManagementStandIn();
  sharded = shardedBroadcaster({
    endpoint: standIn.endpoint,
    credentials: LOCAL_CREDENTIALS,
    workers: 3,
    minPostsToShard: 50,
  });
});

afterAll(async () => {
  await sharded.destroy();
  await standIn.close();
});

const frame = (n: number) => JSON.stringify({ type: "pong", n }) as Frame;

describe("shardedBroadcaster", () => {
  it("spreads a large fan-out over its threads and settles every slot in order", async () => {
    standIn.posts.length = 0;
    const posts = Array.from({ length: 301 }, (_, i) => ({
      connectionId: `c${i}+/=`,
      frame: frame(i),
    }));
    standIn.gone.add("c7+/=");
    standIn.broken.add("c250+/=");
    const results = await sharded.postMany?.(posts, 12);
    expect(results).toHaveLength(301);
    expect(results?.[7]).toEqual({ status: "fulfilled", value: "gone" });
    expect(results?.[250]?.status).toBe("rejected");
    const delivered = results?.filter(
      (r) => r.status === "fulfilled" && r.value === "delivered",
    );
    expect(delivered).toHaveLength(299);
    expect(standIn.received("c300+/=")).toEqual([{ type: "pong", n: 300 }]);
    expect(new Set(standIn.posts.map((p) => p.id)).size).toBe(299);
    // Each thread keeps its share of the cap: 3 threads x 4.
    expect(standIn.maxInFlight).toBeLessThanOrEqual(12);
    standIn.gone.clear();
    standIn.broken.clear();
  });

  it("posts a small batch, a single frame and a close on its own thread", async () => {
    standIn.posts.length = 0;
    const posts = [
      { connectionId: "a", frame: frame(1) },
      { connectionId: "b", frame: frame(2) },
    ];
    expect(await sharded.postMany?.(posts, 4)).toEqual([
      { status: "fulfilled", value: "delivered" },
      { status: "fulfilled", value: "delivered" },
    ]);
    expect(await sharded.post("c", frame(3))).toBe("delivered");
    expect(await sharded.disconnect("c")).toBe("delivered");
    expect(standIn.deletes).toContain("c");
    expect(standIn.posts.map((p) => p.id)).toEqual(["a", "b", "c"]);
  });

  it("refuses a thread count it cannot use", () => {
    expect(() =>
      shardedBroadcaster({ endpoint: standIn.endpoint, workers: 0 }),
    ).toThrow("workers must be 1 or more");
  });
});
