// Reasons of import problems by their stable code (the server also sends its English reason as a fallback).
import type { Dictionary } from './types';

const dictionary: Dictionary = {
  'problem.archive_truncated':
    'the XLSX file is truncated (an interrupted download or copy): save or download it again',
  'problem.archive_invalid': 'the XLSX file is not a valid zip archive ({why}): save it again from Excel',
  'problem.archive_too_large':
    '{part} unpacks to more than {limit} (the limit for one import; at least {size}): split the file or import it as CSV',
  'problem.archive_part_missing': 'the XLSX file has no {part}: it is not an Excel workbook or is damaged',
  'problem.xml_doctype':
    '{part} declares a DTD (<!DOCTYPE>/<!ENTITY>), which Excel never writes: save the file again from Excel',
  'problem.xml_malformed':
    'the sheet is not well-formed XML after row {row} ({detail}): save the file again from Excel',
  'problem.cell_reference_invalid':
    'the sheet refers to cell "{ref}", which is not a cell of a worksheet (columns A to XFD, rows 1 to 1048576): save the file again from Excel',
  'problem.too_many_cells':
    'the file has more than {limit} cells (the limit for one import): split it into several files',
  'problem.utf16_without_bom':
    'the file is {encoding} text without a byte-order mark: save it as CSV in UTF-8, or set the encoding {name} in the mapping',
  'problem.utf32': 'the file is {encoding} text, which is not read: save it as CSV in UTF-8 (or GBK)',
  'problem.nul_byte':
    'the line holds a NUL byte (\\0), which no text export contains: the file is binary, damaged or in another encoding (UTF-16/UTF-32); save it again as CSV in UTF-8',
  'problem.invalid_utf8_line':
    'not valid UTF-8 while the lines before it are: this row is probably GBK, pasted from another file; save the whole file as UTF-8 (if all of it is GBK, set the encoding gbk in the mapping)',
  'problem.not_utf8':
    'not valid UTF-8, so the file is probably GBK (as Chinese Excel saves CSV): set the encoding gbk in the mapping, or save the whole file as UTF-8',
  'problem.invalid_encoding':
    'not valid in its encoding at or after this line: save the file in one encoding',
  'problem.unclosed_quote':
    'the quote (") opened in column {column} is never closed, so every line after it would be read as one value: close it or remove it',
  'problem.ambiguous_column':
    'several columns are named "{header}" (columns {columns}): which one is {field} cannot be told; rename the others or remove them',
  'problem.totals_row': 'a totals row ({word}), not a record: skipped',
  'problem.leading_zeros':
    'invoice {number} looks like the existing invoice {existing} (same customer, dates and amount; the numbers differ only by leading zeros, which Excel drops): it is imported as a new invoice; check that it is not the same one',
  'problem.user_disabled': 'user {user} is disabled: choose an active user',
};

export default dictionary;
