/**
 * Page ingest: bytes → text (`decodeBuffer`), file name → paper/date/page
 * (`guessFromFileName`), text → articles (`parsePage`).
 */
export { IngestError } from './errors';
export { decodeBuffer, type DecodeResult } from './decode';
export { guessFromFileName } from './filename';
export { parsePage, PARSER_VERSION, type ParseOptions } from './parse';
export { explainPage, formatExplained, type ExplainedPage } from './explain';
