import { describe, expect, it } from "vitest";
import { countPeople, formatCalendarDate, telHref } from "./format";

describe("formatCalendarDate", () => {
  const format = new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });

  it("writes the date out without shifting the day", () => {
    expect(formatCalendarDate("2006-01-03", format)).toBe("3 January 2006");
    expect(formatCalendarDate("2024-12-31", format)).toBe("31 December 2024");
  });

  it("passes through anything that is not a plain date", () => {
    expect(formatCalendarDate("soon", format)).toBe("soon");
  });
});

describe("countPeople and telHref", () => {
  it("counts people in words", () => {
    expect(countPeople(1)).toBe("1 person");
    expect(countPeople(12)).toBe("12 people");
  });

  it("dials the digits, keeping an international plus", () => {
    expect(telHref("515.123.4567", "5151234567")).toBe("tel:5151234567");
    expect(telHref(" +44 20 7946 0000", "442079460000")).toBe(
      "tel:+442079460000",
    );
    expect(telHref("(01) 234", "")).toBe("tel:01234");
  });
});
