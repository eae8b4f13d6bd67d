/** What the benchmark types into the query box, and why each one. */
export interface BenchQuery {
  q: string;
  /** What the query stands for among the generated people. */
  intent: string;
}

export const BENCH_QUERIES: readonly BenchQuery[] = [
  { q: "kowalsky", intent: "typo of Kowalski" },
  { q: "nunez", intent: "Núñez without accents" },
  { q: "mueller", intent: "Müller spelt with ue" },
  { q: "schmitt", intent: "typo of Schmidt" },
  { q: "weiss", intent: "Weiß with ss" },
  { q: "francois", intent: "François without cedilla" },
  { q: "lukasz", intent: "Łukasz with plain l" },
  { q: "yilmaz", intent: "Turkish Yılmaz, dotless i" },
  { q: "nguyn", intent: "typo of Nguyễn" },
  { q: "obrien", intent: "O’Brien without apostrophe" },
  { q: "dangelo", intent: "D'Angelo without apostrophe" },
  { q: "garcia lopez", intent: "García-López, hyphen as space" },
  { q: "петр", intent: "Cyrillic prefix of Пётр/Петров" },
  { q: "παπαδοπ", intent: "Greek prefix of Papadopoulos" },
  { q: "محمد", intent: "Arabic Mohammed" },
  { q: "כהן", intent: "Hebrew Cohen" },
  { q: "शर्मा", intent: "Devanagari Sharma" },
  { q: "王", intent: "CJK single character Wang" },
  { q: "佐藤", intent: "Japanese Sato" },
  { q: "김민준", intent: "Korean Kim Min-jun" },
  { q: "7946 01", intent: "phone fragment (London)" },
  { q: "jose.nun", intent: "email prefix" },
  { q: "engineer", intent: "job title word" },
];
