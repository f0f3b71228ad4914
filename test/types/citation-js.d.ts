/**
 * The little of citation-js (no types of its own) that the citation tests use:
 * read RIS / CSL-JSON into CSL items, render a bibliography, parse a date.
 */
declare module '@citation-js/core' {
  type CslData = Record<string, unknown>;
  export class Cite {
    constructor(data: unknown);
    static async(data: unknown): Promise<Cite>;
    data: CslData[];
    format(format: string, options?: Record<string, unknown>): string | CslData[];
  }
  export const plugins: {
    input: { chainLink(input: unknown): unknown };
  };
}
declare module '@citation-js/plugin-ris';
declare module '@citation-js/plugin-csl';
declare module '@citation-js/date' {
  export function parse(date: string): { 'date-parts': number[][] } | { raw: string };
}
