/**
 * What the committee report needs of any chart: an id, a title, a text alternative that
 * carries its figures (the SVG's `<desc>`, the `<figcaption>` and the JSON's
 * `charts[].description`), and its Vega-Lite specification.
 */

/** A chart on the report page. */
export interface ReportChart {
  readonly id: string;
  readonly title: string;
  /** The text alternative: every figure the chart shows, in words. */
  readonly description: string;
  /** The Vega-Lite specification (data inline); rendered to SVG by `svg.ts`. */
  readonly spec: () => Record<string, unknown>;
}

/** Chart font and background, shared so every chart on the page looks alike. */
export const CHART_CONFIG = { font: 'DejaVu Sans, Arial, Helvetica, sans-serif', view: { stroke: null }, background: '#ffffff' } as const;
