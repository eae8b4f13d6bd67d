import { useId, useRef } from "react";
import {
  type FaceFinding,
  faceFindingMessage,
  newPhotoText,
  PHOTO_PROCESSING_MESSAGE,
  PHOTO_TYPES,
  type PhotoOwner,
  photoUrl,
} from "../../lib/photo";
import "../../styles/photo.css";
import { usePhotoUpload } from "./use-photo-upload";

interface PhotoUploadProps {
  personId: string;
  /** What was found in the photo the profile shows now. */
  faces: FaceFinding | null;
  /** Whether the uploader is the person, or HR or an admin for them. */
  owner: PhotoOwner;
}

/**
 * Changes a person's photo: pick a file, watch it upload and process, then
 * see the square the worker cut, with a hint when the face was unclear.
 * Until then it gives the same hint about the current photo.
 */
export function PhotoUpload({ personId, faces, owner }: PhotoUploadProps) {
  const input = useRef<HTMLInputElement>(null);
  const statusId = useId();
  const { state, upload } = usePhotoUpload(personId);
  const busy = state.step === "uploading" || state.step === "processing";
  const hint =
    state.step === "done" ? faceFindingMessage(state.faces, owner) : null;
  const current =
    state.step === "idle" ? faceFindingMessage(faces, owner) : null;
  const done = newPhotoText(owner);

  return (
    <div className="photo-upload">
      <input
        ref={input}
        type="file"
        accept={PHOTO_TYPES.join(",")}
        className="photo-upload__input"
        aria-describedby={statusId}
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          event.currentTarget.value = "";
          if (file) void upload(file);
        }}
        tabIndex={-1}
        aria-hidden="true"
      />
      <button
        type="button"
        className="button"
        disabled={busy}
        onClick={() => input.current?.click()}
      >
        Change photo
      </button>
      {current && <p className="photo-upload__hint muted">{current}</p>}
      <div id={statusId} className="photo-upload__status" aria-live="polite">
        {state.step === "uploading" && (
          <label className="photo-upload__progress">
            Uploading…
            <progress max={1} value={state.progress}>
              {Math.round(state.progress * 100)}%
            </progress>
          </label>
        )}
        {state.step === "processing" && <span>{PHOTO_PROCESSING_MESSAGE}</span>}
        {state.step === "failed" && (
          <span className="photo-upload__error" role="alert">
            {state.message}
          </span>
        )}
        {state.step === "done" && (
          <figure className="photo-upload__preview">
            <img
              src={photoUrl(state.photoKey, 256, "jpeg")}
              alt={done.alt}
              width={128}
              height={128}
            />
            <figcaption>{hint ?? done.caption}</figcaption>
          </figure>
        )}
      </div>
    </div>
  );
}
