import * as z from "zod";
import { text } from "../text/index.js";

export const DepartmentCreate = z.object({ name: text({ max: 200 }) }).strict();
export type DepartmentCreate = z.infer<typeof DepartmentCreate>;

export const Department = z.object({
  id: z.uuid(),
  name: z.string(),
  headcount: z.int(),
});
export type Department = z.infer<typeof Department>;
