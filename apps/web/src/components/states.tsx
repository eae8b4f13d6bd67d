import type { ReactNode } from "react";
import { ApiError } from "../api/errors";

/** A calm placeholder while something loads, announced to screen readers. */
export function Loading({ label = "Loading…" }: { label?: string }) {
  return (
    <div className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}

/** The user-facing message of any error. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return "Something went wrong. Try again.";
}

interface ErrorNoticeProps {
  error: unknown;
  title?: string;
  onRetry?: () => void;
}

/** An error as an alert, with a retry button and the request id for support. */
export function ErrorNotice({ error, title, onRetry }: ErrorNoticeProps) {
  const requestId = error instanceof ApiError ? error.requestId : null;
  return (
    <div className="notice notice--error" role="alert">
      <div className="notice__body">
        {title && <p className="notice__title">{title}</p>}
        <p>{errorMessage(error)}</p>
        {requestId && (
          <p className="notice__meta">
            Reference: <code>{requestId}</code>
          </p>
        )}
      </div>
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}

interface EmptyStateProps {
  title: string;
  children?: ReactNode;
}

/** What to show when there is nothing to show, and what to do about it. */
export function EmptyState({ title, children }: EmptyStateProps) {
  return (
    <div className="empty-state">
      <p className="empty-state__title">{title}</p>
      {children && <div className="empty-state__body">{children}</div>}
    </div>
  );
}
