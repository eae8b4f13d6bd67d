/**
 * Where a browser sends one file: an HTML form POST of `fields`, then the
 * file as the last part, named `file`. S3's POST policy and the local
 * upload route take the same form, so the web client has one code path.
 */
export interface UploadTarget {
  url: string;
  method: "POST";
  fields: Record<string, string>;
  /** The store key the file lands under. */
  key: string;
  contentType: string;
  maxBytes: number;
  expiresAt: string;
}

/** What one upload may be: where it goes, what it is, how big. */
export interface UploadRequest {
  key: string;
  contentType: string;
  maxBytes: number;
  /** How long the target stays usable; a few minutes is plenty. */
  expiresInSeconds: number;
}

/** Hands out upload targets: S3 POST policies, or the local route's. */
export interface UploadIssuer {
  issue(request: UploadRequest): Promise<UploadTarget>;
}
