import { avatarTone, initials } from "../lib/avatar";

interface AvatarProps {
  id: string;
  name: string;
  size?: "small" | "medium" | "large";
}

/** A person's initials on a colour of their own; decorative beside a name. */
export function Avatar({ id, name, size = "medium" }: AvatarProps) {
  return (
    <span
      className={`avatar avatar--${size}`}
      data-tone={avatarTone(id)}
      aria-hidden="true"
    >
      {initials(name)}
    </span>
  );
}
