/** A change in the tab's surroundings that bears on its connection. */
export type EnvironmentChange = "online" | "offline" | "visible" | "hidden";

/** What the live client asks of the page it runs in. */
export interface LiveEnvironment {
  /** False when the browser knows it has no network. */
  online(): boolean;
  visible(): boolean;
  /** Calls back on every change; answers a function that stops it. */
  watch(listener: (change: EnvironmentChange) => void): () => void;
}

/** The browser's own signals: `online`, `offline`, `visibilitychange`. */
export const browserEnvironment: LiveEnvironment = {
  online: () => navigator.onLine !== false,
  visible: () => document.visibilityState !== "hidden",
  watch(listener) {
    const online = () => listener("online");
    const offline = () => listener("offline");
    const visibility = () =>
      listener(document.visibilityState === "hidden" ? "hidden" : "visible");
    window.addEventListener("online", online);
    window.addEventListener("offline", offline);
    document.addEventListener("visibilitychange", visibility);
    return () => {
      window.removeEventListener("online", online);
      window.removeEventListener("offline", offline);
      document.removeEventListener("visibilitychange", visibility);
    };
  },
};
