// Reasons of import problems by their stable code (the server also sends its English reason as a fallback).
import type { Dictionary } from './types';

const dictionary: Dictionary = {
  'problem.archive_truncated': 'XLSX 文件不完整（下载或复制中断）：请重新保存或下载',
  'problem.archive_invalid': 'XLSX 文件不是有效的 zip 压缩包（{why}）：请用 Excel 重新保存',
  'problem.archive_too_large':
    '{part} 解压后超过 {limit}（单次导入的上限，至少 {size}）：请拆分文件或改用 CSV 导入',
  'problem.archive_part_missing': 'XLSX 文件缺少 {part}：不是 Excel 工作簿或已损坏',
  'problem.xml_doctype':
    '{part} 含有 DTD（<!DOCTYPE>/<!ENTITY>），Excel 不会写出这种内容：请用 Excel 重新保存',
  'problem.xml_malformed': '工作表的 XML 格式有误（第 {row} 行之后：{detail}）：请用 Excel 重新保存',
  'problem.cell_reference_invalid':
    '工作表引用了单元格“{ref}”，不是有效的单元格（列 A–XFD，行 1–1048576）：请用 Excel 重新保存',
  'problem.too_many_cells': '文件超过 {limit} 个单元格（单次导入的上限）：请拆分成多个文件',
  'problem.utf16_without_bom':
    '文件是没有字节顺序标记（BOM）的 {encoding} 文本：请另存为 UTF-8 的 CSV，或在字段对应中指定编码 {name}',
  'problem.utf32': '文件是 {encoding} 文本，无法读取：请另存为 UTF-8（或 GBK）的 CSV',
  'problem.nul_byte':
    '该行含有 NUL 字节（\\0），文本导出不会有：文件可能是二进制、已损坏或为其他编码（UTF-16/UTF-32），请另存为 UTF-8 的 CSV',
  'problem.invalid_utf8_line':
    '该行不是有效的 UTF-8（前面的行都是）：这一行可能是从 GBK 文件粘贴来的；请把整个文件保存为 UTF-8（如果整个文件都是 GBK，请在字段对应中指定编码 gbk）',
  'problem.not_utf8':
    '该行不是有效的 UTF-8，文件可能是 GBK（中文 Excel 保存 CSV 的编码）：请在字段对应中指定编码 gbk，或把文件保存为 UTF-8',
  'problem.invalid_encoding': '从该行起文件编码无效：请用同一种编码保存整个文件',
  'problem.unclosed_quote':
    '第 {column} 列的引号（"）没有闭合，之后的所有行都会被当成一个值：请补上或删除这个引号',
  'problem.ambiguous_column':
    '有多列都叫“{header}”（第 {columns} 列）：无法判断哪一列是{field}，请重命名或删除多余的列',
  'problem.totals_row': '合计行（{word}），不是记录：已跳过',
  'problem.leading_zeros':
    '发票 {number} 与已有发票 {existing} 很像（客户、日期、金额相同，编号只差前导零，Excel 会去掉前导零）：将作为新发票导入，请确认不是同一张',
  'problem.user_disabled': '用户 {user} 已停用：请选择在用的用户',
};

export default dictionary;
