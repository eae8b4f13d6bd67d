import { describe, expect, it } from "vitest";
import type { LiveEvent } from "../../realtime/protocol";
import { foldRemoteChange } from "./use-remote-change";

const updated = (version: number, fields: string[]): LiveEvent => ({
  seq: version,
  type: "employee.updated",
  id: "p",
  version,
  fields,
});

describe("foldRemoteChange", () => {
  it("gathers the fields of every version newer than the form's", () => {
    let change = foldRemoteChange(null, updated(3, ["jobTitle"]), 2);
    change = foldRemoteChange(change, updated(4, ["bio", "jobTitle"]), 2);
    expect(change).toEqual({
      kind: "changed",
      version: 4,
      fields: ["jobTitle", "bio"],
    });
  });

  it("ignores versions the form already has", () => {
    expect(foldRemoteChange(null, updated(2, ["bio"]), 2)).toBeNull();
  });

  it("counts a new photo, and lets a removal win over everything", () => {
    const photo: LiveEvent = {
      seq: 9,
      type: "photo.ready",
      id: "p",
      version: 5,
    };
    const change = foldRemoteChange(null, photo, 4);
    expect(change).toMatchObject({ fields: ["photo"] });
    const gone: LiveEvent = { seq: 10, type: "employee.deleted", id: "p" };
    const removed = foldRemoteChange(change, gone, 4);
    expect(removed).toEqual({ kind: "deleted" });
    expect(foldRemoteChange(removed, updated(6, ["bio"]), 4)).toEqual({
      kind: "deleted",
    });
  });
});
