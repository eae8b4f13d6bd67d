import { type ReactNode, useEffect, useId, useRef } from "react";
import { CloseIcon } from "./icons";

interface DialogProps {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** Buttons along the bottom, last one first on phones. */
  actions?: ReactNode;
  size?: "small" | "medium";
}

/**
 * A modal dialog on the native `<dialog>`: it traps focus and closes on
 * Escape; on closing, focus goes back to where it was when it opened. An
 * element marked `data-autofocus` gets the focus first.
 */
export function Dialog({
  open,
  title,
  onClose,
  children,
  actions,
  size = "small",
}: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const returnTo = useRef<Element | null>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      returnTo.current = document.activeElement;
      dialog.showModal();
      // Start on the safe choice (Cancel) rather than the close button.
      dialog.querySelector<HTMLElement>("[data-autofocus]")?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  function handleClose() {
    const target = returnTo.current;
    if (target instanceof HTMLElement && target.isConnected) target.focus();
    if (open) onClose();
  }

  return (
    <dialog
      ref={ref}
      className={`dialog dialog--${size}`}
      aria-labelledby={titleId}
      onClose={handleClose}
    >
      <div className="dialog__header">
        <h2 id={titleId} className="dialog__title">
          {title}
        </h2>
        <button
          type="button"
          className="icon-button"
          aria-label="Close"
          onClick={onClose}
        >
          <CloseIcon />
        </button>
      </div>
      <div className="dialog__body">{children}</div>
      {actions && <div className="dialog__actions">{actions}</div>}
    </dialog>
  );
}
