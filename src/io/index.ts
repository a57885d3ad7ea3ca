/**
 * Reading innovation records from the files regional teams have: JSON, NDJSON, CSV as Excel
 * saves it (any delimiter, BOM, CRLF, Indonesian headers and values) and Excel workbooks.
 * Node only: this entry reads files and streams.
 *
 * @packageDocumentation
 */

export { InputFileError } from '../errors.js';
export { type QuestionField, questionsOf } from './_fields.js';
export type { HeaderMap } from './_headers.js';
export type { NumberFormat } from './_values.js';
export {
  formatOfPath,
  type InputFormat,
  openRecords,
  type ReadOptions,
  type ReadRow,
  type RecordInput,
  type RecordSource,
  readRecords,
} from './read-records.js';
export { type TemplateOptions, templateWorkbook } from './template.js';
export type { Delimiter, TextEncoding } from './text.js';
