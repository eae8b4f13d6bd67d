export { type ImportOptions, importEmployees } from "./import-employees.js";
