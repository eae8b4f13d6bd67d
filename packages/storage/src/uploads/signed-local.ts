import { createHmac, timingSafeEqual } from "node:crypto";
import { isFileKey, RosterError, ValidationError } from "@roster/core";
import type { UploadIssuer } from "./target.js";

interface LocalPolicy {
  key: string;
  contentType: string;
  maxBytes: number;
  expiresAt: string;
}

/** What a verified local upload may store. */
export type VerifiedUpload = LocalPolicy;

function sign(secret: string, policy: string): string {
  return createHmac("sha256", secret).update(policy).digest("base64url");
}

/**
 * Upload targets for the local API's upload route: the same form as an
 * S3 POST policy, signed with an HMAC the route checks.
 */
export function signedLocalIssuer(options: {
  /** The local route that receives uploads, e.g. `.../api/uploads`. */
  url: string;
  secret: string;
}): UploadIssuer {
  return {
    async issue(request) {
      const expiresAt = new Date(
        Date.now() + request.expiresInSeconds * 1000,
      ).toISOString();
      const policy = Buffer.from(
        JSON.stringify({
          key: request.key,
          contentType: request.contentType,
          maxBytes: request.maxBytes,
          expiresAt,
        } satisfies LocalPolicy),
      ).toString("base64url");
      return {
        url: options.url,
        method: "POST",
        fields: {
          key: request.key,
          "Content-Type": request.contentType,
          policy,
          signature: sign(options.secret, policy),
        },
        key: request.key,
        contentType: request.contentType,
        maxBytes: request.maxBytes,
        expiresAt,
      };
    },
  };
}

/**
 * Checks a local upload's form against its signed policy, as S3 checks a
 * POST policy: the signature, the expiry, the key, the content type and
 * the size. Throws a RosterError saying what is wrong.
 */
export function verifyLocalUpload(
  secret: string,
  form: { fields: Record<string, string>; fileBytes: number; now?: number },
): VerifiedUpload {
  const { policy = "", signature = "" } = form.fields;
  const expected = Buffer.from(sign(secret, policy));
  const given = Buffer.from(signature);
  if (
    !policy ||
    expected.length !== given.length ||
    !timingSafeEqual(expected, given)
  ) {
    throw new RosterError(
      "forbidden",
      "The upload's signature is not valid; ask for a new upload.",
    );
  }
  const parsed = JSON.parse(
    Buffer.from(policy, "base64url").toString("utf8"),
  ) as LocalPolicy;
  if (Date.parse(parsed.expiresAt) < (form.now ?? Date.now())) {
    throw new RosterError(
      "forbidden",
      "The upload has expired; ask for a new upload.",
    );
  }
  if (form.fields.key !== parsed.key || !isFileKey(parsed.key)) {
    throw new ValidationError([
      { path: "key", message: "does not match the signed upload" },
    ]);
  }
  if (form.fields["Content-Type"] !== parsed.contentType) {
    throw new RosterError(
      "unsupported_media_type",
      `The upload must be sent as ${parsed.contentType}.`,
    );
  }
  if (form.fileBytes < 1 || form.fileBytes > parsed.maxBytes) {
    throw new RosterError(
      form.fileBytes < 1 ? "invalid_input" : "payload_too_large",
      form.fileBytes < 1
        ? "The uploaded file is empty."
        : `The file is larger than the ${parsed.maxBytes} bytes allowed.`,
      { maxBytes: parsed.maxBytes },
    );
  }
  return parsed;
}
