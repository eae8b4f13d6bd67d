export { csvLine, utf8WithBom } from "./csv-writer.js";
