import { describe, expect, it } from "vitest";
import { formatLocalTime, msUntilNextMinute } from "./local-time";

describe("formatLocalTime", () => {
  const instant = new Date("2024-07-01T12:05:30Z");

  it("shows the wall-clock time in the person's zone", () => {
    expect(formatLocalTime(instant, "Europe/London", "en-GB")).toBe("13:05");
    expect(formatLocalTime(instant, "Asia/Kolkata", "en-GB")).toBe("17:35");
    expect(formatLocalTime(instant, "America/Chicago", "en-GB")).toBe("07:05");
  });

  it("follows daylight saving time", () => {
    const winter = new Date("2024-01-15T12:05:00Z");
    expect(formatLocalTime(winter, "Europe/London", "en-GB")).toBe("12:05");
  });

  it("uses a 24-hour clock even where the locale prefers 12 hours", () => {
    const evening = new Date("2024-07-01T21:40:00Z");
    expect(formatLocalTime(evening, "UTC", "en-US")).toBe("21:40");
  });

  it("returns null without a zone or with an unknown one", () => {
    expect(formatLocalTime(instant, null)).toBeNull();
    expect(formatLocalTime(instant, "")).toBeNull();
    expect(formatLocalTime(instant, "Mars/Olympus_Mons")).toBeNull();
  });
});

describe("msUntilNextMinute", () => {
  it("counts to the start of the next minute", () => {
    expect(msUntilNextMinute(new Date("2024-07-01T12:05:30.250Z"))).toBe(
      29_750,
    );
    expect(msUntilNextMinute(new Date("2024-07-01T12:05:00Z"))).toBe(60_000);
  });
});
