// TEMPORARY STUB (replaced by the loader branch)
export interface Problem { readonly file: string; readonly sheet?: string; readonly row?: number; readonly column?: string; readonly text?: string; readonly message: string }
export function formatProblem(p: Problem): string {
  const where = `${p.file}${p.sheet ? `[${p.sheet}]` : ''}${p.row ? `:${p.row}` : ''}`;
  return `${where}: ${p.column ? `column "${p.column}": ` : ''}${p.text !== undefined ? `${JSON.stringify(p.text)} ` : ''}${p.message}`;
}
export class InputError extends Error {
  constructor(readonly problems: readonly Problem[]) { super(problems.map(formatProblem).join('\n')); }
}
