/**
 * What surrounds the people: departments, offices, job titles, skills and
 * the nicknames some people go by. Lists are comma-separated like names.
 */

/** Splits a comma-separated list, trimming each entry. */
export function parseList(list: string): string[] {
  return list
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");
}

export const DEPARTMENTS = parseList(`Engineering, Platform, Data Science,
  Security, IT, Product, Design, Research, Quality Assurance, Sales,
  Marketing, Customer Success, Support, Finance, Accounting, Legal,
  People, Recruiting, Operations, Facilities, Procurement, Communications,
  Partnerships, Business Development, Strategy, Internal Audit, Compliance,
  Developer Relations, Localisation, Executive Office`);

export interface Office {
  name: string;
  city: string;
  countryCode: string;
  timeZone: string;
  /** A phone number pattern; each `#` becomes a random digit. */
  phone: string;
}

// Numbers follow each country's shape and use ranges set aside for fiction
// where a country has one.
export const OFFICES: readonly Office[] = [
  ["San Francisco", "US", "America/Los_Angeles", "+1 415 555 ####"],
  ["New York", "US", "America/New_York", "+1 (212) 555-####"],
  ["Austin", "US", "America/Chicago", "+1 512-555-####"],
  ["Toronto", "CA", "America/Toronto", "+1 416 555 ####"],
  ["Mexico City", "MX", "America/Mexico_City", "+52 55 #### ####"],
  ["São Paulo", "BR", "America/Sao_Paulo", "+55 11 9####-####"],
  ["London", "GB", "Europe/London", "+44 20 7946 0###"],
  ["Dublin", "IE", "Europe/Dublin", "+353 1 ### ####"],
  ["Paris", "FR", "Europe/Paris", "+33 1 ## ## ## ##"],
  ["Berlin", "DE", "Europe/Berlin", "+49 30 ########"],
  ["München", "DE", "Europe/Berlin", "+49 89 #######"],
  ["Kraków", "PL", "Europe/Warsaw", "+48 12 ### ## ##"],
  ["İstanbul", "TR", "Europe/Istanbul", "+90 212 ### ## ##"],
  ["Kyiv", "UA", "Europe/Kyiv", "+380 44 ### ####"],
  ["Tel Aviv", "IL", "Asia/Jerusalem", "+972 3-###-####"],
  ["Dubai", "AE", "Asia/Dubai", "+971 4 ### ####"],
  ["Bengaluru", "IN", "Asia/Kolkata", "+91 80 #### ####"],
  ["Hồ Chí Minh City", "VN", "Asia/Ho_Chi_Minh", "+84 28 #### ####"],
  ["Shanghai", "CN", "Asia/Shanghai", "+86 21 #### ####"],
  ["Tokyo", "JP", "Asia/Tokyo", "+81 3-####-####"],
  ["Seoul", "KR", "Asia/Seoul", "+82 2-####-####"],
  ["Sydney", "AU", "Australia/Sydney", "+61 2 #### ####"],
].map(([city = "", countryCode = "", timeZone = "", phone = ""]) => ({
  name: `${city} office`,
  city,
  countryCode,
  timeZone,
  phone,
}));

const LEVELS = parseList("Junior, Senior, Staff, Principal, Lead");

const ROLES = parseList(`Software Engineer, Data Engineer, Site Reliability
  Engineer, Security Engineer, Data Scientist, Product Manager, Product
  Designer, UX Researcher, QA Analyst, Account Executive, Sales Engineer,
  Marketing Manager, Content Strategist, Customer Success Manager, Support
  Specialist, Financial Analyst, Accountant, Counsel, Paralegal, People
  Partner, Recruiter, Operations Manager, Office Coordinator, Buyer,
  Communications Manager, Partnerships Manager, Technical Writer,
  Translator, Engineering Manager, Director, Vice President, Chief of Staff,
  Executive Assistant, IT Administrator, Auditor, Compliance Officer,
  Developer Advocate`);

/** A title such as `Senior Data Engineer`, or the bare role. */
export function jobTitle(pick: <T>(items: readonly T[]) => T, level: boolean) {
  const role = pick(ROLES);
  return level ? `${pick(LEVELS)} ${role}` : role;
}

export const SKILLS = parseList(`TypeScript, Go, Rust, Python, Java, Kotlin,
  Swift, SQL, PostgreSQL, Kubernetes, Terraform, AWS, React, GraphQL,
  Machine Learning, Statistics, Figma, Accessibility, Copywriting, SEO,
  Negotiation, Public Speaking, Forecasting, Excel, IFRS, Contract Law,
  GDPR, Interviewing, Coaching, Mandarin, Spanish, German, Japanese,
  Arabic, Hindi, French, Portuguese, Korean, Project Management, Scrum`);

/** Names people go by instead of their given one. */
export const NICKNAMES: Readonly<Record<string, readonly string[]>> = {
  William: ["Bill", "Will", "Liam"],
  Robert: ["Bob", "Rob", "Bobby"],
  Elizabeth: ["Liz", "Beth", "Eliza"],
  Katherine: ["Kate", "Kathy", "Kit"],
  Christopher: ["Chris", "Kit"],
  Margaret: ["Maggie", "Peggy", "Meg"],
  Richard: ["Rick", "Dick", "Richie"],
  Michael: ["Mike", "Mick"],
  Jennifer: ["Jen", "Jenny"],
  Matthew: ["Matt"],
  Daniel: ["Dan", "Danny"],
  Thomas: ["Tom", "Tommy"],
  José: ["Pepe"],
  "José Luis": ["Pepelu"],
  Francesca: ["Checca"],
  Giuseppe: ["Beppe", "Peppe"],
  Maximilian: ["Max"],
  Małgorzata: ["Gosia"],
  Aleksei: ["Alyosha"],
};

/** Latin names often used at work by people with names in other scripts. */
export const WORK_NAMES = parseList(`Kevin, Grace, Jack, Vivian, Eric, Amy,
  Leo, Cindy, Ken, Yuki, Sam, Alex, Danny, Nina`);
