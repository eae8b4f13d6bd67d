import * as z from "zod";

/** Whether one person has a live connection right now. */
export const Presence = z.object({ id: z.uuid(), online: z.boolean() });
export type Presence = z.output<typeof Presence>;

/** The people `GET /api/presence` is asked about: `?id=...&id=...`. */
export const PresenceQuery = z
  .object({ id: z.array(z.uuid()).min(1).max(100) })
  .strict();

/** What `POST /api/realtime/tickets` answers: connect to `url?ticket=`. */
export const RealtimeTicket = z.object({
  ticket: z.string(),
  expiresAt: z.iso.datetime(),
  url: z.string(),
});
export type RealtimeTicket = z.output<typeof RealtimeTicket>;
