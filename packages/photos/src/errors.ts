import { type ErrorCode, RosterError } from "@roster/core";

/** Why a photo was refused; stable for callers and tests to branch on. */
export type PhotoRejection =
  | "empty"
  | "too_large"
  | "unsupported_type"
  | "heic_unsupported"
  | "type_mismatch"
  | "too_many_pixels"
  | "too_many_frames"
  | "too_small"
  | "damaged";

const codes: Record<PhotoRejection, ErrorCode> = {
  empty: "invalid_input",
  too_large: "payload_too_large",
  unsupported_type: "unsupported_media_type",
  heic_unsupported: "unsupported_media_type",
  type_mismatch: "unsupported_media_type",
  too_many_pixels: "payload_too_large",
  too_many_frames: "payload_too_large",
  too_small: "invalid_input",
  damaged: "invalid_input",
};

/** A photo the pipeline will not process; the message is for the person. */
export class PhotoRejectedError extends RosterError {
  constructor(
    readonly reason: PhotoRejection,
    message: string,
    details: Record<string, unknown> = {},
  ) {
    super(codes[reason], message, { reason, ...details });
    this.name = "PhotoRejectedError";
  }
}
