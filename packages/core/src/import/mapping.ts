import * as z from "zod";

const column = z.string().trim().min(1, "must name a column").max(200);
const digits = z.string().regex(/^\d{1,4}$/, "must be one to four digits");

/**
 * Which column of an HR export holds each Roster field. The id, the email
 * (unless made from the id) and the name (as given and family names, or
 * one full-name column) must be present; a field left out is never
 * touched, so a re-import with a narrower mapping keeps what HR typed by
 * hand.
 */
export const MappingColumns = z
  .object({
    externalId: column,
    managerExternalId: column.optional(),
    email: column.optional(),
    givenName: column.optional(),
    familyName: column.optional(),
    /** One cell holding "Given Family", split at its last space. */
    fullName: column.optional(),
    preferredName: column.optional(),
    jobTitle: column.optional(),
    workPhone: column.optional(),
    startDate: column.optional(),
    departmentName: column.optional(),
    locationExternalId: column.optional(),
    locationName: column.optional(),
    locationCity: column.optional(),
    locationRegion: column.optional(),
    locationCountry: column.optional(),
  })
  .strict();
export type MappingColumns = z.output<typeof MappingColumns>;

const LOCATION_DETAILS = [
  "locationName",
  "locationCity",
  "locationRegion",
  "locationCountry",
] as const;

/**
 * How one kind of HR export maps onto Roster: plain data, so a user can
 * supply their own as JSON and have it checked by this schema.
 */
export const ColumnMapping = z
  .object({
    columns: MappingColumns,
    /**
     * Whole addresses, user names that need the company's domain, or
     * none in the file: made from the export's id at the company domain.
     */
    emails: z.enum(["address", "userName", "externalId"]).default("address"),
    /**
     * The dialling plan the numbers are written for, so they can be stored
     * in international form; without it numbers are kept as written.
     */
    dialling: z
      .object({
        countryCode: digits,
        internationalPrefix: digits,
        trunkPrefix: digits.optional(),
      })
      .strict()
      .optional(),
  })
  .strict()
  .superRefine(({ columns, emails }, ctx) => {
    if (!columns.email && emails !== "externalId") {
      ctx.addIssue({
        code: "custom",
        path: ["columns", "email"],
        message: "must name a column, unless emails are made from the id",
      });
    }
    const split = columns.givenName && columns.familyName;
    if (split ? columns.fullName : !columns.fullName) {
      ctx.addIssue({
        code: "custom",
        path: ["columns", "fullName"],
        message:
          "name either a full-name column or both a given-name and a " +
          "family-name column",
      });
    }
    // Offices are matched by their id, so their details need one, and an
    // id needs a name to show.
    const details = LOCATION_DETAILS.filter((key) => columns[key]);
    if (columns.locationExternalId ? !columns.locationName : details.length) {
      ctx.addIssue({
        code: "custom",
        path: ["columns", "locationExternalId"],
        message: "offices need both an id column and a name column",
      });
    }
  });
export type ColumnMapping = z.output<typeof ColumnMapping>;

/** The column names a file must have for `mapping` to read it. */
export function mappedColumns(mapping: ColumnMapping): string[] {
  return Object.values(mapping.columns).filter(
    (name): name is string => name !== undefined,
  );
}

/**
 * The Oracle HR sample export (people joined with department and office).
 * Salary and commission are pay, not directory data, and the avatar URL
 * points at a third-party host, so those columns are deliberately unmapped.
 */
export const oracleHrMapping: ColumnMapping = ColumnMapping.parse({
  columns: {
    externalId: "id",
    managerExternalId: "parentId",
    email: "email",
    givenName: "name",
    familyName: "lastName",
    jobTitle: "position",
    workPhone: "phone_number",
    startDate: "hire_date",
    departmentName: "department_name",
    locationExternalId: "department_location_id",
    locationName: "department_location_street_address",
    locationRegion: "location_state",
    locationCountry: "department_location_country_id",
  },
  emails: "userName",
  // Numbers are written for dialling from the US: 011 leads an
  // international number, and a bare ten digits is a US one.
  dialling: { countryCode: "1", internationalPrefix: "011", trunkPrefix: "1" },
});
