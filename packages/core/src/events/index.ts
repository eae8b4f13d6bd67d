/**
 * What happened, published only after the change commits. Events carry ids,
 * versions and field names, never whole records: listeners refetch what they
 * are allowed to see.
 */
export type DomainEvent =
  | { type: "employee.created"; id: string; version: number }
  | {
      type: "employee.updated";
      id: string;
      version: number;
      fields: string[];
    }
  | { type: "employee.deleted"; id: string }
  | { type: "department.created"; id: string }
  | { type: "location.created"; id: string };

/** Where committed events go: a broadcaster in AWS or locally, a test spy. */
export interface EventPublisher {
  publish(events: readonly DomainEvent[]): Promise<void>;
}

/** A publisher that drops everything, for scripts that nobody watches. */
export const discardEvents: EventPublisher = {
  publish: async () => {},
};
