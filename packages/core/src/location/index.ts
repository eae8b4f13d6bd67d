import * as z from "zod";
import { text } from "../text/index.js";
import { isTimeZone } from "./time-zone.js";

export * from "./time-zone.js";

export const LocationCreate = z
  .object({
    name: text({ max: 200 }),
    city: text({ max: 200 }).nullable().default(null),
    region: text({ max: 200 }).nullable().default(null),
    countryCode: z
      .string()
      .regex(/^[A-Z]{2}$/, "must be a two-letter country code like GB")
      .nullable()
      .default(null),
    timeZone: z
      .string()
      .refine(isTimeZone, "must be an IANA time zone like Europe/London")
      .nullable()
      .default(null),
  })
  .strict();
export type LocationCreate = z.output<typeof LocationCreate>;

export const Location = z.object({
  id: z.uuid(),
  name: z.string(),
  city: z.string().nullable(),
  region: z.string().nullable(),
  countryCode: z.string().nullable(),
  timeZone: z.string().nullable(),
  headcount: z.int(),
});
export type Location = z.infer<typeof Location>;
