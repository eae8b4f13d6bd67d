import * as z from "zod";

const queryText = z
  .string()
  .max(200, "must be at most 200 characters")
  .refine((q) => q.isWellFormed() && !/\p{Cc}/u.test(q), {
    message: "must not contain control characters",
  });

/** A directory query: free text, filters and a page position. */
export const EmployeeSearch = z
  .object({
    q: queryText.default(""),
    department: z.array(z.uuid()).max(50).default([]),
    location: z.array(z.uuid()).max(50).default([]),
    title: z.array(queryText).max(50).default([]),
    skill: z.array(queryText).max(50).default([]),
    cursor: z.string().max(2000).optional(),
    limit: z.coerce
      .number()
      .int("must be a whole number")
      .min(1)
      .max(100)
      .default(25),
  })
  .strict();
export type EmployeeSearch = z.output<typeof EmployeeSearch>;

const FacetValue = z.object({
  value: z.string(),
  label: z.string(),
  count: z.int(),
});
export type FacetValue = z.infer<typeof FacetValue>;

/** Counts per filter value, each ignoring its own filter but not the others. */
export const Facets = z.object({
  department: z.array(FacetValue),
  location: z.array(FacetValue),
  title: z.array(FacetValue),
  skill: z.array(FacetValue),
});
export type Facets = z.infer<typeof Facets>;
