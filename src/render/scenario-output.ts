/**
 * The output of the scenario commands (`scenario run`, `sweep`, `tornado`, `simulate`,
 * `goal-seek`; also `returns`) in the chosen format. Each renderer is imported only when
 * used, so `--format json` loads neither the terminal-table nor the CSV library. Money is
 * £000; JSON and CSV carry it as decimal strings.
 */
import type { GridTable } from './variance-grid.js';

/** The scenario commands' output formats. */
export type ScenarioFormat = 'table' | 'json' | 'csv' | 'markdown';

/** What a scenario command prints: its grids (table, Markdown) and its JSON and CSV renderers. */
export interface ScenarioOutput {
  /** The Markdown heading, e.g. `Sweep: Adults slip 25%`. */
  readonly title: string;
  readonly grids: readonly GridTable[];
  /** Text before the grids (table and Markdown), e.g. the dataset line. */
  readonly preamble?: string;
  readonly json: (renderers: typeof import('./scenario-json.js')) => string;
  readonly csv: (renderers: typeof import('./scenario-csv.js')) => string;
}

/**
 * Render `output` in `format`.
 * @returns the text to write.
 */
export async function renderScenarioOutput(format: ScenarioFormat, output: ScenarioOutput): Promise<string> {
  switch (format) {
    case 'json':
      return output.json(await import('./scenario-json.js'));
    case 'csv':
      return output.csv(await import('./scenario-csv.js'));
    case 'markdown':
      return (await import('./scenario-text.js')).gridsAsMarkdown(output.title, output.grids, output.preamble);
    case 'table':
      return (await import('./scenario-text.js')).gridsAsTable(output.grids, output.preamble);
  }
}
