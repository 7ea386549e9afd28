/**
 * `fn-model diagnose` and `fn-model rules` output: terminal tables, Markdown, JSON. The
 * same grids (diagnose-grid.ts) feed the terminal and Markdown; JSON is diagnose-json.ts.
 * Each renderer module is imported only for its format (start-up cost, as for `variance`).
 */
import type { Diagnosis } from '../engine/diagnose.js';
import type { RuleSet } from '../engine/rules.js';
import type { Programme } from '../model/index.js';
import { printable } from './printable.js';
import type { GridTable } from './variance-grid.js';
import { cellsText, changesText, diagnosisSummary, readingsGrid, rulesGrid, solutionGrid, violatedGrid } from './diagnose-grid.js';

/** The output formats of `diagnose` and `rules`. */
export type DiagnoseFormat = 'table' | 'json' | 'markdown';

/** Everything `diagnose` prints, in order, as grids and sentences. */
function diagnosisParts(diagnosis: Diagnosis): (GridTable | string)[] {
  const rules = diagnosis.rules;
  const parts: (GridTable | string)[] = [
    `Diagnosis of ${printable(diagnosis.programme.name, true)} (${printable(diagnosis.programme.path, true)}); all amounts £000. ` +
      `${rules.rules.length} edit rules over ${rules.cells.length} stated cells (fn-model rules lists them); ` +
      `${diagnosis.violated.length} do not hold; variance flags ${diagnosis.discrepancies.length} stated ${diagnosis.discrepancies.length === 1 ? 'figure' : 'figures'}.`,
  ];
  if (diagnosis.violated.length === 0) return [...parts, ...diagnosisSummary(diagnosis)];
  parts.push(violatedGrid(diagnosis));
  const count = diagnosis.solutions.length + diagnosis.more;
  const total = diagnosis.discrepancies.length;
  diagnosis.solutions.forEach((solution, index) => {
    const label = index === 0 ? 'Likeliest correction' : `Correction ${index + 1}`;
    parts.push(solutionGrid(solution, `${label} (${index + 1} of ${count}${diagnosis.moreAtLeast ? '+' : ''} minimum): ${solution.reason}; explains ${solution.explains.length} of ${total} discrepancies`, total));
  });
  if (diagnosis.more > 0) parts.push(`${diagnosis.more}${diagnosis.moreAtLeast ? '+' : ''} more ${diagnosis.more === 1 && !diagnosis.moreAtLeast ? 'correction' : 'corrections'} of the same weight ${diagnosis.more === 1 && !diagnosis.moreAtLeast ? 'is' : 'are'} not shown (--max-solutions).`);
  if (diagnosis.statedTotalsWrong) {
    parts.push(solutionGrid(diagnosis.statedTotalsWrong,
      `Stated totals are wrong (every line input as stated; the variance reading): ${diagnosis.statedTotalsWrong.reason}`, total));
  }
  parts.push(readingsGrid(diagnosis));
  parts.push(...diagnosisSummary(diagnosis));
  if (!diagnosis.search.complete) {
    parts.push(diagnosis.search.stoppedAtNodeLimit
      ? `The search stopped at its limit of ${diagnosis.search.nodes - 1} nodes: ${diagnosis.solutions.length > 0 ? 'the corrections shown may not be the smallest' : 'no correction was found in that time'}.`
      : `No correction of at most ${cellsText(diagnosis.search.maxChanges)} makes every rule hold (--max-changes).`);
  }
  return parts;
}

/** Render a diagnosis in `format` (terminal colour only when `colour`). */
export async function renderDiagnosis(diagnosis: Diagnosis, format: DiagnoseFormat, colour: boolean): Promise<string> {
  if (format === 'json') {
    const { diagnosisJsonValue } = await import('./diagnose-json.js');
    return `${JSON.stringify(diagnosisJsonValue(diagnosis), null, 2)}\n`;
  }
  return renderParts(diagnosisParts(diagnosis), format, colour, `# Diagnosis: ${printable(diagnosis.programme.name, true)}`);
}

/** Render the rules of a programme in `format`. */
export async function renderRules(programme: Programme, rules: RuleSet, format: DiagnoseFormat, colour: boolean): Promise<string> {
  if (format === 'json') {
    const { rulesJsonValue } = await import('./diagnose-json.js');
    return `${JSON.stringify(rulesJsonValue(programme.name, programme.path, rules), null, 2)}\n`;
  }
  const broken = rules.rules.filter((rule) => !rule.holds).length;
  const intro = `Edit rules of ${printable(programme.name, true)} (${printable(programme.path, true)}), derived from the model; all amounts £000. ` +
    `${broken} of ${rules.rules.length} do not hold (fn-model diagnose finds the fewest cells that explain them). ` +
    'Long sums are shortened here; --format json lists every cell of every rule with its file, row and column.';
  return renderParts([intro, rulesGrid(rules)], format, colour, `# Edit rules: ${printable(programme.name, true)}`);
}

async function renderParts(parts: readonly (GridTable | string)[], format: 'table' | 'markdown', colour: boolean, heading: string): Promise<string> {
  if (format === 'markdown') {
    const { markdownTable } = await import('./variance-markdown.js');
    const blocks = parts.map((part) => (typeof part === 'string' ? part : `## ${part.title}\n\n${markdownTable(part)}`));
    return `${[heading, ...blocks].join('\n\n')}\n`;
  }
  const [{ renderGrid }, { textStyles }] = await Promise.all([import('./variance-table.js'), import('./text-styles.js')]);
  const styles = await textStyles(colour);
  return parts.map((part) => (typeof part === 'string' ? `${part}\n` : renderGrid(part, styles))).join('\n');
}
