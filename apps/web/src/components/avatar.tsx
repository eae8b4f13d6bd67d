import { avatarTone, initials } from "../lib/avatar";
import { photoSrcSet, photoUrl } from "../lib/photo";
import "../styles/photo.css";

interface AvatarProps {
  id: string;
  name: string;
  size?: "small" | "medium" | "large";
  /** The person's processed photo; initials show without one. */
  photoKey?: string | null;
}

/** CSS pixels per avatar size, as the stylesheet draws them. */
const PIXELS = { small: 32, medium: 44, large: 76 } as const;

/** A person's photo, or their initials on a colour of their own. */
export function Avatar({ id, name, size = "medium", photoKey }: AvatarProps) {
  return (
    <span
      className={`avatar avatar--${size}`}
      data-tone={avatarTone(id)}
      aria-hidden="true"
    >
      {photoKey ? (
        <picture>
          <source
            type="image/avif"
            srcSet={photoSrcSet(photoKey, "avif")}
            sizes={`${PIXELS[size]}px`}
          />
          <source
            type="image/webp"
            srcSet={photoSrcSet(photoKey, "webp")}
            sizes={`${PIXELS[size]}px`}
          />
          <img
            className="avatar__photo"
            src={photoUrl(photoKey, 128, "jpeg")}
            srcSet={photoSrcSet(photoKey, "jpeg")}
            sizes={`${PIXELS[size]}px`}
            alt=""
            width={PIXELS[size]}
            height={PIXELS[size]}
            loading="lazy"
            decoding="async"
          />
        </picture>
      ) : (
        initials(name)
      )}
    </span>
  );
}
