import * as z from "zod";
import type { Actor } from "../access/index.js";

/**
 * Who may see a field: any signed-in person, the people who work with its
 * owner, or only HR, admins and the owner.
 */
export const Visibility = z.enum(["everyone", "colleagues", "hr_and_self"]);
export type Visibility = z.infer<typeof Visibility>;

/** Fields whose visibility their owner chooses, with the default. */
export const CHOOSABLE_VISIBILITY = {
  pronouns: "everyone",
  personalPhone: "hr_and_self",
  birthday: "colleagues",
} as const satisfies Record<string, Visibility>;
export type ChoosableField = keyof typeof CHOOSABLE_VISIBILITY;

export const PrivacyChoices = z
  .object({
    pronouns: Visibility,
    personalPhone: Visibility,
    birthday: Visibility,
  })
  .partial()
  .strict();
export type PrivacyChoices = z.infer<typeof PrivacyChoices>;

/**
 * The level of every other field a profile shows. Work details are for
 * everyone; the start date stays among colleagues; what face detection
 * made of the photo is a hint for the person and HR, not a judgement for
 * others.
 */
const FIXED_VISIBILITY = {
  startDate: "colleagues",
  photoFaces: "hr_and_self",
} as const satisfies Record<string, Visibility>;

/** How the viewer stands to the person they look at. */
export type Relationship = "self" | "staff" | "colleague" | "other";

/** What relationship() needs to know about both people. */
export interface Placement {
  id: string;
  departmentId: string | null;
  managerId: string | null;
  /** The managers above, nearest first. */
  managerChain: readonly string[];
}

/**
 * Colleagues share a department or a manager, or one manages the other,
 * directly or further up. HR and admins are staff to everyone.
 */
export function relationship(
  viewer: Actor,
  viewerPlacement: Placement | undefined,
  subject: Placement,
): Relationship {
  if (viewer.id === subject.id) return "self";
  if (viewer.role === "hr" || viewer.role === "admin") return "staff";
  if (!viewerPlacement) return "other";
  const sameDepartment =
    subject.departmentId !== null &&
    subject.departmentId === viewerPlacement.departmentId;
  const sameManager =
    subject.managerId !== null &&
    subject.managerId === viewerPlacement.managerId;
  const managesSubject = subject.managerChain.includes(viewer.id);
  const managedBySubject = viewerPlacement.managerChain.includes(subject.id);
  return sameDepartment || sameManager || managesSubject || managedBySubject
    ? "colleague"
    : "other";
}

/** Whether someone in `relation` may see a field at `level`. */
export function canSee(relation: Relationship, level: Visibility): boolean {
  switch (level) {
    case "everyone":
      return true;
    case "colleagues":
      return relation !== "other";
    case "hr_and_self":
      return relation === "self" || relation === "staff";
  }
}

/** The level a field has for its owner's choices; everyone by default. */
export function visibilityOf(
  field: string,
  choices: PrivacyChoices | null | undefined,
): Visibility {
  if (field in CHOOSABLE_VISIBILITY) {
    const choosable = field as ChoosableField;
    return choices?.[choosable] ?? CHOOSABLE_VISIBILITY[choosable];
  }
  return (FIXED_VISIBILITY as Record<string, Visibility>)[field] ?? "everyone";
}

/** The fields of `fields` the viewer may not see. */
export function hiddenFields(
  relation: Relationship,
  fields: readonly string[],
  choices: PrivacyChoices | null | undefined,
): string[] {
  return fields.filter((f) => !canSee(relation, visibilityOf(f, choices)));
}

/**
 * Fields whose visibility ever depends on who is looking, and the privacy
 * choices themselves.
 */
export const GUARDED_FIELDS: readonly string[] = [
  ...Object.keys(CHOOSABLE_VISIBILITY),
  ...Object.keys(FIXED_VISIBILITY),
  "privacy",
];
