/** The one error the ingest layer throws: its message is a single line in Chinese, meant for the user. */
export class IngestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IngestError';
  }
}
