/** Loading datasets: CSV folders and .xlsx workbooks into a Programme, with located problems. */
export * from './errors.js';
export * from './header.js';
export * from './table.js';
export * from './csv.js';
export * from './headline.js';
export * from './xlsx.js';
export * from './dataset.js';
export * from './bundled.js';
export * from './export-workbook.js';
