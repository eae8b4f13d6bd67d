export { auditLog } from "./audit/table.js";
export { scimTokens, sessions } from "./auth/table.js";
export { departments } from "./department/table.js";
export { employees } from "./employee/table.js";
export { importOrder, importRows } from "./import/table.js";
export { jobs } from "./jobs/table.js";
export { locations } from "./location/table.js";
export {
  eventLog,
  realtimeConnections,
  realtimeTickets,
} from "./realtime/table.js";
