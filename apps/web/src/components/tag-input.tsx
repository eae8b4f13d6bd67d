import { type KeyboardEvent, useState } from "react";
import { CloseIcon } from "./icons";

interface TagInputProps {
  id: string;
  /** What one tag is called, for button labels: "skill", "badge". */
  noun: string;
  values: string[];
  onChange: (values: string[]) => void;
  disabled?: boolean;
  "aria-invalid"?: boolean;
  "aria-describedby"?: string | undefined;
}

/**
 * Tags as removable chips plus a text box: Enter or a comma adds what was
 * typed, and leaving the box adds it too so nothing typed is lost.
 */
export function TagInput({
  id,
  noun,
  values,
  onChange,
  disabled = false,
  ...aria
}: TagInputProps) {
  const [draft, setDraft] = useState("");

  function add(raw: string) {
    const tag = raw.trim();
    setDraft("");
    if (tag === "" || values.includes(tag)) return;
    onChange([...values, tag]);
  }

  function remove(tag: string) {
    onChange(values.filter((v) => v !== tag));
    document.getElementById(id)?.focus();
  }

  function handleKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "Enter" || event.key === ",") {
      event.preventDefault();
      add(draft);
    } else if (event.key === "Backspace" && draft === "" && values.length) {
      event.preventDefault();
      onChange(values.slice(0, -1));
    }
  }

  if (disabled) {
    return (
      <div id={id} className="tag-input tag-input--disabled">
        {values.length === 0 ? (
          <span className="tag-input__none">None</span>
        ) : (
          <ul className="tags" aria-label={`${noun}s`}>
            {values.map((tag) => (
              <li key={tag} className="tag">
                {tag}
              </li>
            ))}
          </ul>
        )}
      </div>
    );
  }

  return (
    <div className="tag-input">
      {values.length > 0 && (
        <ul className="tag-input__tags" aria-label={`Chosen ${noun}s`}>
          {values.map((tag) => (
            <li key={tag} className="tag">
              <span>{tag}</span>
              <button
                type="button"
                className="tag__remove"
                aria-label={`Remove ${noun} ${tag}`}
                onClick={() => remove(tag)}
              >
                <CloseIcon />
              </button>
            </li>
          ))}
        </ul>
      )}
      <input
        id={id}
        className="tag-input__input"
        type="text"
        autoComplete="off"
        placeholder={`Add a ${noun} and press Enter`}
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={handleKeyDown}
        onBlur={() => add(draft)}
        {...aria}
      />
    </div>
  );
}
