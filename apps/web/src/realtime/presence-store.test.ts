import { describe, expect, it, vi } from "vitest";
import { PresenceStore } from "./presence-store";

describe("PresenceStore", () => {
  it("follows each person shown by their own topic, within the budget", () => {
    const store = new PresenceStore(async () => []);
    const stopA = store.want(["a", "b"]);
    const stopB = store.want(["b", "c"]);
    expect(store.topics(10)).toEqual([
      "employee:a",
      "employee:b",
      "employee:c",
    ]);
    // More people than topics left: everyone's presence instead.
    expect(store.topics(2)).toEqual(["presence"]);
    stopA();
    expect(store.topics(10)).toEqual(["employee:b", "employee:c"]);
    stopB();
    expect(store.topics(10)).toEqual([]);
  });

  it("reads presence for the people whose topics the server holds", async () => {
    const read = vi.fn(async (ids: string[]) =>
      ids.map((id) => ({ id, online: id === "a" })),
    );
    const store = new PresenceStore(read);
    store.want(["a", "b", "c"]);
    await store.refresh(["directory", "employee:a", "employee:b"]);
    expect(read).toHaveBeenCalledWith(["a", "b"]);
    expect([store.online("a"), store.online("b"), store.online("c")]).toEqual([
      true,
      false,
      undefined,
    ]);
  });

  it("reads everyone followed, in batches, when it holds the presence topic", async () => {
    const read = vi.fn(async (ids: string[]) =>
      ids.map((id) => ({ id, online: true })),
    );
    const store = new PresenceStore(read);
    const ids = Array.from({ length: 150 }, (_, i) => `p${i}`);
    store.want(ids);
    await store.refresh(["presence"]);
    expect(read.mock.calls.map(([batch]) => batch.length)).toEqual([100, 50]);
    expect(store.online("p149")).toBe(true);
  });

  it("leaves presence unknown when it cannot be read", async () => {
    const store = new PresenceStore(async () => {
      throw new Error("offline");
    });
    store.want(["a"]);
    await store.refresh(["employee:a"]);
    expect(store.online("a")).toBeUndefined();
  });

  it("tells listeners of changes only, and forgets everything on clear", () => {
    const store = new PresenceStore(async () => []);
    const listener = vi.fn();
    store.subscribe(listener);
    store.set("a", true);
    store.set("a", true);
    expect(listener).toHaveBeenCalledTimes(1);
    const before = store.snapshot();
    store.clear();
    expect(store.snapshot()).not.toBe(before);
    expect(store.online("a")).toBeUndefined();
  });
});
