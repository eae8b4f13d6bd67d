import {
  createContext,
  type ReactNode,
  useContext,
  useEffect,
  useRef,
  useState,
  useSyncExternalStore,
} from "react";
import { request } from "../api/client";
import { useMe } from "../session";
import type { LiveSignal, LiveStatus } from "./live-client";
import { LiveHub } from "./live-hub";

const LiveContext = createContext<LiveHub | null>(null);

async function fetchTicket(): Promise<{ ticket: string; url: string }> {
  const body = await request<{ ticket?: unknown; url?: unknown }>(
    "/realtime/tickets",
    { method: "POST" },
  );
  if (typeof body.ticket !== "string" || typeof body.url !== "string") {
    throw new Error("The ticket answer has no ticket or url.");
  }
  return { ticket: body.ticket, url: body.url };
}

async function readPresence(ids: string[]) {
  const params = new URLSearchParams(ids.map((id) => ["id", id]));
  const body = await request<{ items: { id: string; online: boolean }[] }>(
    `/presence?${params}`,
  );
  return body.items;
}

/**
 * Keeps the tab connected for live updates while someone is signed in,
 * and connects again with fresh tickets whenever the tab starts acting
 * as someone else. Signed out (or before `/api/me` answers) it asks for
 * no tickets at all.
 */
export function LiveProvider({ children }: { children: ReactNode }) {
  const actorId = useMe()?.actor.id ?? null;
  const [hub] = useState(
    () => new LiveHub(() => ({ fetchTicket }), readPresence),
  );
  useEffect(() => {
    if (actorId === null) return;
    hub.start();
    return () => hub.stop();
  }, [hub, actorId]);
  return <LiveContext.Provider value={hub}>{children}</LiveContext.Provider>;
}

const STOPPED: LiveStatus = { state: "stopped" };
const noStatus = () => () => {};

/** Where the tab's connection stands; "stopped" outside a provider. */
export function useLiveStatus(): LiveStatus {
  const hub = useContext(LiveContext);
  return useSyncExternalStore(
    hub?.subscribeStatus ?? noStatus,
    hub?.getStatus ?? (() => STOPPED),
  );
}

/** Asks the connection to try again now, if it is waiting to. */
export function useRetryNow(): () => void {
  const hub = useContext(LiveContext);
  return () => hub?.retryNow();
}

/** Calls `listener` with every live signal while the caller is shown. */
export function useLiveSignals(listener: (signal: LiveSignal) => void): void {
  const hub = useContext(LiveContext);
  const latest = useRef(listener);
  latest.current = listener;
  useEffect(() => hub?.listen((s) => latest.current(s)), [hub]);
}

/**
 * Whether `id` is online: true or false once known, undefined while it is
 * not (no live connection, or not read yet).
 */
export function usePresence(id: string): boolean | undefined {
  const hub = useContext(LiveContext);
  useEffect(() => hub?.presence.want([id]), [hub, id]);
  useSyncExternalStore(
    hub?.presence.subscribe ?? noStatus,
    hub?.presence.snapshot ?? (() => 0),
  );
  return hub?.presence.online(id);
}
