import { normalizeEmail } from "../employee/email.js";
import {
  canonicalUser,
  isObject,
  MULTI_VALUED,
  READ_ONLY,
  type ScimObject,
} from "./attributes.js";
import type { Comparison } from "./comparisons.js";
import { scimBadRequest } from "./errors.js";

const syntax = (message: string) => scimBadRequest("invalidSyntax", message);

import { type PatchPath, parsePatchPath } from "./patch-path.js";
import type { PatchOperation, PatchVerb } from "./patch-request.js";
import { SCIM_ENTERPRISE_USER } from "./schemas.js";

const sameValue = (a: unknown, b: unknown) =>
  typeof a === "string" && typeof b === "string"
    ? a.toLowerCase() === b.toLowerCase()
    : a === b;

const matches = (item: unknown, filter: Comparison[]) =>
  isObject(item) &&
  filter.every((c) => {
    const key = Object.keys(item).find(
      (k) => k.toLowerCase() === c.attribute.toLowerCase(),
    );
    return key !== undefined && sameValue(item[key], c.value);
  });

function wrapped(attribute: string, value: unknown): unknown {
  // Entra ID sends the manager as a bare id.
  if (attribute === "manager" && typeof value === "string") return { value };
  return value;
}

// Sub-attribute names in a value are spelt canonically, as in a whole User.
const canonicalPiece = (value: unknown) =>
  canonicalUser({ piece: value }).piece;

function setValue(
  container: ScimObject,
  p: PatchPath,
  verb: PatchVerb,
  v: unknown,
) {
  const attribute = p.attribute;
  const current = container[attribute];
  if (p.filter) {
    const items = Array.isArray(current) ? [...current] : [];
    let hit = false;
    for (const [i, item] of items.entries()) {
      if (!matches(item, p.filter)) continue;
      hit = true;
      items[i] = p.sub
        ? { ...(item as ScimObject), [p.sub]: v }
        : { ...(item as ScimObject), ...(isObject(v) ? v : { value: v }) };
    }
    // Entra ID replaces `phoneNumbers[type eq "mobile"].value` on a person
    // who has no mobile yet and expects one to be added, so a selection
    // that matches nothing adds a value shaped by the filter.
    if (!hit) {
      const made: ScimObject = {};
      for (const c of p.filter) made[c.attribute] = c.value;
      if (p.sub) made[p.sub] = v;
      else Object.assign(made, isObject(v) ? v : { value: v });
      items.push(made);
    }
    container[attribute] = items;
  } else if (p.sub) {
    container[attribute] = {
      ...(isObject(current) ? current : {}),
      [p.sub]: v,
    };
  } else if (MULTI_VALUED.has(attribute)) {
    const values = Array.isArray(v) ? v : [v];
    container[attribute] =
      verb === "add" && Array.isArray(current)
        ? [...current, ...values]
        : values;
  } else if (isObject(v) && isObject(current)) {
    // Both add and replace on a complex attribute keep the sub-attributes
    // the value leaves out (RFC 7644, sections 3.5.2.1 and 3.5.2.3).
    container[attribute] = { ...current, ...v };
  } else {
    container[attribute] = v;
  }
}

function removeValue(container: ScimObject, p: PatchPath, value: unknown) {
  const current = container[p.attribute];
  if (p.filter || (Array.isArray(current) && value !== undefined)) {
    if (!Array.isArray(current)) return;
    const drop = (item: unknown) =>
      p.filter
        ? matches(item, p.filter)
        : (Array.isArray(value) ? value : [value]).some(
            (v) =>
              isObject(v) && isObject(item) && sameValue(v.value, item.value),
          );
    container[p.attribute] = p.sub
      ? current.map((item) => {
          if (!drop(item)) return item;
          const { [p.sub as string]: _, ...rest } = item as ScimObject;
          return rest;
        })
      : current.filter((item) => !drop(item));
  } else if (p.sub) {
    if (isObject(current)) {
      const { [p.sub]: _, ...rest } = current;
      container[p.attribute] = rest;
    }
  } else {
    delete container[p.attribute];
  }
}

function applyOne(
  user: ScimObject,
  verb: PatchVerb,
  path: string | undefined,
  value: unknown,
) {
  if (path === undefined) {
    if (verb === "remove") {
      throw scimBadRequest("noTarget", "A remove operation needs a path.");
    }
    if (!isObject(value)) {
      throw syntax(`An ${verb} without a path needs an object as its value.`);
    }
    for (const [key, v] of Object.entries(value)) applyOne(user, verb, key, v);
    return;
  }
  const p = parsePatchPath(path);
  if (p.part === "enterprise" && p.attribute === "") {
    if (verb === "remove") {
      delete user[SCIM_ENTERPRISE_USER];
      return;
    }
    if (!isObject(value)) {
      throw syntax(`${path} needs an object as its value.`);
    }
    for (const [key, v] of Object.entries(value)) {
      applyOne(user, verb, `${SCIM_ENTERPRISE_USER}:${key}`, v);
    }
    return;
  }
  if (p.part === "core" && p.attribute === "schemas") return;
  if (p.part === "core" && READ_ONLY.has(p.attribute)) {
    if (p.attribute === "id" && value === user.id && verb !== "remove") return;
    throw scimBadRequest("mutability", `${p.attribute} cannot be changed.`);
  }
  if (verb !== "remove" && value === undefined) {
    throw syntax(`The ${verb} of ${path} needs a value.`);
  }
  const container = p.part === "core" ? user : extensionOf(user);
  if (verb === "remove") removeValue(container, p, value);
  else
    setValue(container, p, verb, canonicalPiece(wrapped(p.attribute, value)));
}

function extensionOf(user: ScimObject): ScimObject {
  const current = user[SCIM_ENTERPRISE_USER];
  if (isObject(current)) return current;
  const made: ScimObject = {};
  user[SCIM_ENTERPRISE_USER] = made;
  return made;
}

function workEmail(user: ScimObject): string | undefined {
  const emails = Array.isArray(user.emails) ? user.emails.filter(isObject) : [];
  const work =
    emails.find((e) => String(e.type).toLowerCase() === "work") ??
    emails.find((e) => e.primary === true);
  return typeof work?.value === "string"
    ? normalizeEmail(work.value)
    : undefined;
}

/**
 * Applies PatchOp operations, in order, to a User as `toScimUser` shows
 * it, and returns the patched copy. Roster keeps one work address, so a
 * change to either `userName` or the work email carries over to the other.
 */
export function applyPatch(
  user: ScimObject,
  operations: readonly PatchOperation[],
): ScimObject {
  const next = structuredClone(user);
  for (const { op, path, value } of operations) applyOne(next, op, path, value);
  const userName = typeof next.userName === "string" ? next.userName : "";
  const renamed = !sameValue(userName, user.userName);
  const email = workEmail(next);
  if (!renamed && email !== undefined && email !== workEmail(user)) {
    next.userName = email;
  } else if (renamed && Array.isArray(next.emails)) {
    next.emails = next.emails.map((e) =>
      isObject(e) && sameValue(e.value, workEmail(user))
        ? { ...e, value: userName }
        : e,
    );
  }
  return next;
}
