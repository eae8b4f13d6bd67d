import { describe, expect, it } from "vitest";
import {
  calendarDate,
  cellValue,
  internationalPhone,
  isoCountryCode,
} from "./values.js";

describe("calendarDate", () => {
  it("keeps a plain date", () => {
    expect(calendarDate("2003-06-17")).toBe("2003-06-17");
  });

  it("reads a UTC timestamp of a local midnight as that local day", () => {
    // Midnight five, four and three hours east of UTC.
    expect(calendarDate("2003-07-16T19:00:00.000Z")).toBe("2003-07-17");
    expect(calendarDate("2005-10-20T20:00:00.000Z")).toBe("2005-10-21");
    expect(calendarDate("2007-06-20T21:00:00Z")).toBe("2007-06-21");
    // Midnight five hours west of UTC.
    expect(calendarDate("2010-03-01T05:00:00.000Z")).toBe("2010-03-01");
  });

  it("takes the date as written when the timestamp has a local offset", () => {
    expect(calendarDate("2003-07-17T23:30:00+05:00")).toBe("2003-07-17");
    expect(calendarDate("2003-07-17T09:00")).toBe("2003-07-17");
  });

  it("refuses what is not a date", () => {
    expect(calendarDate("17-06-2003")).toBeUndefined();
    expect(calendarDate("yesterday")).toBeUndefined();
    expect(calendarDate("2003-13-45T10:00:00Z")).toBeUndefined();
  });
});

describe("internationalPhone", () => {
  const us = { countryCode: "1", internationalPrefix: "011", trunkPrefix: "1" };

  it("writes numbers dialled from the US in international form", () => {
    expect(internationalPhone("515.123.4567", us)).toBe("+1 515 123 4567");
    expect(internationalPhone("1.515.555.0100", us)).toBe("+1 515 555 0100");
    expect(internationalPhone("011.44.1344.429268", us)).toBe(
      "+44 1344 429268",
    );
    expect(internationalPhone("+44 (20) 7946-0958", us)).toBe(
      "+44 20 7946 0958",
    );
  });

  it("strips a national trunk prefix", () => {
    const uk = {
      countryCode: "44",
      internationalPrefix: "00",
      trunkPrefix: "0",
    };
    expect(internationalPhone("01344 429268", uk)).toBe("+44 1344 429268");
    expect(internationalPhone("0033 1 23 45 67 89", uk)).toBe(
      "+33 1 23 45 67 89",
    );
  });

  it("keeps numbers it cannot read, and all numbers without a plan", () => {
    expect(internationalPhone("515.123.4567 x89", us)).toBe("515.123.4567 x89");
    expect(internationalPhone("515.123.4567")).toBe("515.123.4567");
  });
});

describe("isoCountryCode", () => {
  it("spells the United Kingdom as ISO does", () => {
    expect(isoCountryCode("UK")).toBe("GB");
    expect(isoCountryCode("uk")).toBe("GB");
    expect(isoCountryCode("de")).toBe("DE");
  });
});

describe("cellValue", () => {
  it("trims every kind of space and treats an empty cell as absent", () => {
    expect(cellValue("  King\u00a0")).toBe("King");
    expect(cellValue("\u3000王\t")).toBe("王");
    expect(cellValue(" \u00a0 ")).toBeNull();
    expect(cellValue(undefined)).toBeNull();
  });
});
