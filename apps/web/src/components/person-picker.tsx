import { type KeyboardEvent, useEffect, useId, useRef, useState } from "react";
import { searchEmployees } from "../api/employees";
import { isAbortError } from "../api/errors";
import type { Employee } from "../api/types";
import { emptyQuery } from "../lib/directory-query";
import type { PersonChoice } from "../lib/employee-form";
import { Avatar } from "./avatar";
import { errorMessage } from "./states";

interface PersonPickerProps {
  id: string;
  value: PersonChoice | null;
  onChange: (choice: PersonChoice | null) => void;
  /** People who may not be chosen, such as the person being edited. */
  excludeIds?: readonly string[];
  placeholder?: string;
  disabled?: boolean;
  "aria-invalid"?: boolean;
  "aria-describedby"?: string | undefined;
}

interface Matches {
  status: "idle" | "loading" | "done" | "error";
  people: Employee[];
  message?: string;
}

const DEBOUNCE_MS = 200;

/**
 * A combobox that finds a person by name as you type. Arrow keys move through
 * the matches, Enter picks one, Escape closes the list.
 */
export function PersonPicker({
  id,
  value,
  onChange,
  excludeIds = [],
  placeholder = "Search by name",
  disabled = false,
  ...aria
}: PersonPickerProps) {
  const listId = useId();
  const [text, setText] = useState(value?.name ?? "");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [matches, setMatches] = useState<Matches>({
    status: "idle",
    people: [],
  });
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => setText(value?.name ?? ""), [value]);

  const excluded = excludeIds.join(" ");
  useEffect(() => {
    if (!open) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      setMatches((m) => ({ status: "loading", people: m.people }));
      const query = { ...emptyQuery(), q: text === value?.name ? "" : text };
      searchEmployees(query, { limit: 8, signal: controller.signal }).then(
        (page) => {
          const skip = new Set(excluded.split(" "));
          const people = page.items.filter((p) => !skip.has(p.id));
          setMatches({ status: "done", people });
          setActive(people.length > 0 ? 0 : -1);
        },
        (error: unknown) => {
          if (isAbortError(error)) return;
          const message = errorMessage(error);
          setMatches({ status: "error", people: [], message });
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [open, text, value?.name, excluded]);

  const people = matches.people;

  function choose(person: Employee) {
    onChange({ id: person.id, name: person.displayName });
    setText(person.displayName);
    setOpen(false);
  }

  function close() {
    setOpen(false);
    setActive(-1);
  }

  function handleKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (!open) return setOpen(true);
      const step = event.key === "ArrowDown" ? 1 : -1;
      const n = people.length;
      if (n > 0) setActive((i) => (i + step + n) % n);
    } else if (event.key === "Enter" && open) {
      const person = people[active];
      event.preventDefault();
      if (person) choose(person);
    } else if (event.key === "Escape" && open) {
      // Close only the list: a dialog around the picker stays open.
      event.preventDefault();
      event.stopPropagation();
      close();
    }
  }

  function handleBlur() {
    close();
    if (text.trim() === "" && value) onChange(null);
    else setText(value?.name ?? "");
  }

  const activeId =
    open && people[active] ? `${listId}-${people[active].id}` : undefined;

  return (
    <div className="picker">
      <div className="picker__control">
        <input
          ref={inputRef}
          id={id}
          className="input"
          type="text"
          role="combobox"
          autoComplete="off"
          spellCheck={false}
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={listId}
          aria-activedescendant={activeId}
          placeholder={placeholder}
          disabled={disabled}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onClick={() => setOpen(true)}
          onBlur={handleBlur}
          onKeyDown={handleKeyDown}
          {...aria}
        />
        {value && !disabled && (
          <button
            type="button"
            className="picker__clear"
            aria-label={`Clear ${value.name}`}
            onClick={() => {
              onChange(null);
              setText("");
              inputRef.current?.focus();
            }}
          >
            Clear
          </button>
        )}
      </div>
      <div className="picker__popup" hidden={!open}>
        <div
          id={listId}
          className="picker__list"
          role="listbox"
          aria-label="Matching people"
        >
          {people.map((person, i) => (
            // Focus stays in the text box; options are pointed at with
            // aria-activedescendant, so they are never tabbed to.
            <div
              key={person.id}
              id={`${listId}-${person.id}`}
              role="option"
              tabIndex={-1}
              aria-selected={i === active}
              className="picker__option"
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => choose(person)}
              onKeyDown={() => undefined}
            >
              <Avatar id={person.id} name={person.displayName} size="small" />
              <span className="picker__text">
                <span className="picker__name">{person.displayName}</span>
                {person.jobTitle && (
                  <span className="picker__meta">{person.jobTitle}</span>
                )}
              </span>
            </div>
          ))}
        </div>
        {open && <PickerStatus matches={matches} />}
      </div>
    </div>
  );
}

function PickerStatus({ matches }: { matches: Matches }) {
  let message: string | null = null;
  if (matches.status === "loading" && matches.people.length === 0) {
    message = "Searching…";
  } else if (matches.status === "error") {
    message = matches.message ?? null;
  } else if (matches.status === "done" && matches.people.length === 0) {
    message = "No one matches.";
  }
  if (message === null) return null;
  return (
    <p className="picker__status" role="status">
      {message}
    </p>
  );
}
