export { departments } from "./department/table.js";
export { employees } from "./employee/table.js";
export { locations } from "./location/table.js";
export {
  eventLog,
  realtimeConnections,
  realtimeTickets,
} from "./realtime/table.js";
