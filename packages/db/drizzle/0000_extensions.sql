-- Trigram matching for the directory search (fuzzy and substring, any script).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
