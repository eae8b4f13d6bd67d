export {
  employeeVCard,
  type VCardExtras,
  type VCardPerson,
} from "./card.js";
export { escapeText, foldLine, MAX_LINE_OCTETS } from "./text.js";
