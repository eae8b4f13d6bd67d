/**
 * What happened, published only after the change commits. Events carry ids,
 * versions and field names, never whole records: listeners refetch what they
 * are allowed to see.
 */
export type DomainEvent =
  | { type: "employee.created"; id: string; version: number }
  /**
   * People an import created, one event per batch rather than one per
   * person: a 100,000-row file would otherwise fill the journal and send
   * every client as many messages. Nobody can be watching someone who did
   * not exist, so it needs no ids; lists of the directory refetch.
   */
  | { type: "employees.created"; count: number }
  | {
      type: "employee.updated";
      id: string;
      version: number;
      fields: string[];
    }
  | { type: "employee.deleted"; id: string }
  | { type: "department.created"; id: string }
  | { type: "location.created"; id: string }
  /** A person's photo finished processing; `id` is the person. */
  | { type: "photo.ready"; id: string; version: number }
  /** A background job (an import, say) moved on; `id` is the job. */
  | { type: "job.progress"; id: string; done: number; total: number }
  | { type: "job.finished"; id: string; status: JobStatus };

/** How a background job ended. */
export type JobStatus = "succeeded" | "failed" | "cancelled";

/** A committed event with its place in the journal: `seq` is commit order. */
export type SequencedEvent = DomainEvent & { seq: number };

/** Where committed events go: a broadcaster in AWS or locally, a test spy. */
export interface EventPublisher {
  /**
   * Hears of events after their transaction commits. `seqs[i]` is the
   * journal's sequence number for `events[i]`, ascending in commit order.
   */
  publish(
    events: readonly DomainEvent[],
    seqs: readonly number[],
  ): Promise<void>;
}

/** A publisher that drops everything, for scripts that nobody watches. */
export const discardEvents: EventPublisher = {
  publish: async () => {},
};
