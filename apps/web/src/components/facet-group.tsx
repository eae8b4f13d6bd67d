import { useId, useState } from "react";
import type { FacetValue } from "../api/types";

interface FacetGroupProps {
  legend: string;
  /** Plural for the "Show all" button: "departments". */
  plural: string;
  values: FacetValue[];
  chosen: readonly string[];
  onToggle: (value: string) => void;
}

const COLLAPSED_COUNT = 6;

/** One filter: checkboxes with counts, long lists folded after a few. */
export function FacetGroup({
  legend,
  plural,
  values,
  chosen,
  onToggle,
}: FacetGroupProps) {
  const [expanded, setExpanded] = useState(false);
  const listId = useId();
  // Chosen values stay in view even when the list is folded.
  const shown = expanded
    ? values
    : values.filter((v, i) => i < COLLAPSED_COUNT || chosen.includes(v.value));
  const hiddenCount = values.length - shown.length;

  return (
    <fieldset className="facet">
      <legend className="facet__legend">{legend}</legend>
      {values.length === 0 ? (
        <p className="facet__none">None for this search</p>
      ) : (
        <ul id={listId} className="facet__list">
          {shown.map((v) => {
            const checked = chosen.includes(v.value);
            return (
              <li key={v.value}>
                <label className="facet__option">
                  <input
                    type="checkbox"
                    checked={checked}
                    onChange={() => onToggle(v.value)}
                  />
                  <span className="facet__label">{v.label}</span>
                  <span className="facet__count">
                    {v.count}
                    <span className="visually-hidden">
                      {v.count === 1 ? " person" : " people"}
                    </span>
                  </span>
                </label>
              </li>
            );
          })}
        </ul>
      )}
      {(hiddenCount > 0 || expanded) && values.length > COLLAPSED_COUNT && (
        <button
          type="button"
          className="link-button facet__more"
          aria-expanded={expanded}
          aria-controls={listId}
          onClick={() => setExpanded((e) => !e)}
        >
          {expanded ? "Show fewer" : `Show all ${values.length} ${plural}`}
        </button>
      )}
    </fieldset>
  );
}
