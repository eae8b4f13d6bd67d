import type { MouseEvent } from "react";
import type { FieldIssue } from "../../api/types";
import {
  fieldId,
  type GroupedIssues,
  labelForPath,
} from "../../lib/field-issues";

interface ErrorSummaryProps {
  issues: FieldIssue[];
  grouped: GroupedIssues;
}

/**
 * The list of problems above the form. Each links to its field; problems no
 * field shows are listed as text.
 */
export function ErrorSummary({ issues, grouped }: ErrorSummaryProps) {
  const placed = [...grouped.byField.entries()];
  const count = issues.length;

  function jump(event: MouseEvent<HTMLAnchorElement>, path: string) {
    const target = document.getElementById(fieldId(path));
    if (!target) return;
    event.preventDefault();
    target.scrollIntoView({ block: "center" });
    target.focus();
  }

  return (
    <div className="notice notice--error error-summary" role="alert">
      <div className="notice__body">
        <p className="notice__title">
          {count === 1
            ? "There is a problem to fix before saving."
            : `There are ${count} problems to fix before saving.`}
        </p>
        <ul className="error-summary__list">
          {placed.map(([path, messages]) => (
            <li key={path}>
              <a
                className="error-summary__link"
                href={`#${fieldId(path)}`}
                onClick={(e) => jump(e, path)}
              >
                {labelForPath(path)}: {messages.join(". ")}
              </a>
            </li>
          ))}
          {grouped.unplaced.map((issue) => (
            <li key={`${issue.path}:${issue.message}`}>
              {issue.path ? `${labelForPath(issue.path)}: ` : ""}
              {issue.message}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
