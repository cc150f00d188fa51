// The one catalog of user-facing server messages: a stable message code → an English and a Chinese template
// with named {params}. The server sends the code, the params and the English text; the web translates the code
// with these same templates (web/src/i18n merges this file), the CLI prints in its locale. Never copy it.
//
// The English template must give exactly the English message the code replaces: tests and scripts read it.

export type MessageLocale = 'zh-CN' | 'en';
export interface MessageText {
  en: string;
  'zh-CN': string;
}

export const MESSAGES = {
  // Lookups and database rules (src/platform/errors.ts)
  notFound: { en: '{what} {key} not found', 'zh-CN': '{what} {key} 不存在' },
  alreadyExists: { en: '{field} {value} already exists', 'zh-CN': '{field}为“{value}”的记录已存在' },
  alreadyExistsRule: { en: 'Already exists: {rule}', 'zh-CN': '记录已存在（{rule}）' },
  refersToMissing: {
    en: 'Refers to something that does not exist: {field} {value}',
    'zh-CN': '引用的{field}“{value}”不存在',
  },
  refersToMissingRule: {
    en: 'Refers to something that does not exist: {rule}',
    'zh-CN': '引用的记录不存在（{rule}）',
  },
  stillReferenced: {
    en: 'Still referenced by other records: {rule}',
    'zh-CN': '仍被其他记录引用，不能删除（{rule}）',
  },
  overAllocated: {
    en: 'Allocation would exceed the open amount ({document})',
    'zh-CN': '核销金额将超过{document}的未结金额',
  },
  breaksRule: { en: 'Value breaks rule {rule}', 'zh-CN': '数值不符合规则 {rule}' },
  invalidValue: { en: '{detail}', 'zh-CN': '数值无效：{detail}' },
  invalidRequest: { en: 'Invalid request: {detail}', 'zh-CN': '请求无效，请检查标出的字段' },
  internal: { en: 'Internal error; see the server log', 'zh-CN': '内部错误，请查看服务器日志' },
  noRoute: { en: 'No route {method} {url}', 'zh-CN': '没有此接口：{method} {url}' },
  rateLimited: { en: 'Too many requests; wait a moment', 'zh-CN': '请求过于频繁，请稍候再试' },
  payloadTooLarge: { en: 'The file is larger than the upload limit', 'zh-CN': '文件超过上传大小限制' },
  controlCharacters: {
    en: 'must not contain control characters (found {char})',
    'zh-CN': '不能含有控制字符（发现 {char}）',
  },
  controlCharactersIn: {
    en: 'Invalid {field}: must not contain control characters (found {char})',
    'zh-CN': '{field}无效：不能含有控制字符（发现 {char}）',
  },
  migrationChanged: {
    en: 'Migration {file} was changed after it was applied (applied checksum {applied}…, file {current}…). Add a new migration instead of editing an applied one.',
    'zh-CN':
      '数据库迁移 {file} 在执行后被修改（已执行的校验和 {applied}…，文件 {current}…）。请新增迁移，不要修改已执行的迁移。',
  },
  migrationFailed: {
    en: 'Migration {file} failed: {detail}',
    'zh-CN': '数据库迁移 {file} 执行失败：{detail}',
  },
  migrationNeedsOwner: {
    en:
      'Migration {file} failed: {detail}. Migrations must run as the database owner: set HUIKUAN_MIGRATE_DATABASE_URL ' +
      'to a URL of the owner role (the server itself connects with DATABASE_URL as huikuan_app).',
    'zh-CN':
      '数据库迁移 {file} 执行失败：{detail}。迁移须以数据库所有者身份执行：请把 HUIKUAN_MIGRATE_DATABASE_URL 设为所有者角色的连接串' +
      '（服务器本身以 huikuan_app 身份通过 DATABASE_URL 连接）。',
  },

  // The PGlite data folder's lock (src/platform/db/data-dir-lock.ts): who holds it and what to do.
  dataDirLocked: {
    en: 'The data folder {dataDir} is in use by {holder}. PGlite allows one process at a time; {hint}',
    'zh-CN': '数据目录 {dataDir} 正被{holder}使用。PGlite 同一时间只允许一个进程打开；{hint}',
  },
  lockHolderServer: {
    en: 'a huikuan server (pid {pid}, port {port})',
    'zh-CN': 'huikuan 服务器（进程 {pid}，端口 {port}）',
  },
  lockHolderServerStarting: {
    en: 'a huikuan server (pid {pid}, starting)',
    'zh-CN': 'huikuan 服务器（进程 {pid}，正在启动）',
  },
  lockHolderProcess: {
    en: 'another huikuan process (pid {pid}: {command})',
    'zh-CN': '另一个 huikuan 进程（进程 {pid}：{command}）',
  },
  lockHintWait: {
    en: 'try again when it has finished (if no such process runs, delete {lockPath}).',
    'zh-CN': '请在它结束后重试（如确认没有该进程，可删除 {lockPath}）。',
  },
  lockHintCredential: {
    en: 'its local credential {path} cannot be read by this account, so the command cannot run through it.',
    'zh-CN': '本账户无法读取其本地凭据 {path}，因此无法通过它执行该命令。',
  },
  lockHintSendFailed: {
    en: 'sending the command to it at {url} failed ({detail}).',
    'zh-CN': '通过 {url} 将命令交给它执行失败（{detail}）。',
  },
  lockHintStarting: {
    en: 'it is still starting: try again in a moment.',
    'zh-CN': '它正在启动，请稍后重试。',
  },
  lockHintServe: {
    en: 'it already serves this folder; stop it first to start another.',
    'zh-CN': '它已在为该目录提供服务；如需另起一个，请先停止它。',
  },
  lockHintWorker: {
    en: 'the server runs its own worker on PGlite; no separate worker is needed.',
    'zh-CN': '使用 PGlite 时服务器自带后台任务进程，无需另起 worker。',
  },
  lockHintMigrate: {
    en: 'the server applied the migrations when it started; stop it to run migrate by hand.',
    'zh-CN': '服务器启动时已执行数据库迁移；如需手动执行 migrate，请先停止服务器。',
  },
  commandRefused: { en: 'huikuan {command}: {hint}', 'zh-CN': 'huikuan {command}：{hint}' },
  localCommandsOnly: {
    en: 'Local commands are taken only from this machine with its credential',
    'zh-CN': '本地命令只接受来自本机且带有本机凭据的请求',
  },

  // Who may do what (src/platform/auth, src/auth)
  signInFirst: {
    en: 'Sign in first (session expired or missing)',
    'zh-CN': '请先登录（会话已过期或不存在）',
  },
  signInFirstShort: { en: 'Sign in first', 'zh-CN': '请先登录' },
  notAllowed: { en: 'Not allowed: {permission}', 'zh-CN': '没有权限：{permission}' },
  routeClosed: {
    en: 'Route {method} {url} has no access rule and is closed to everyone',
    'zh-CN': '接口 {method} {url} 没有访问规则，对所有人关闭',
  },
  tokenReadOnly: { en: 'This API token is read-only', 'zh-CN': '此 API 令牌只读' },
  csrfMissing: {
    en: 'Missing or wrong {header} header',
    'zh-CN': '缺少或错误的 {header} 请求头，请刷新页面',
  },
  passwordWrong: { en: 'The current password is wrong', 'zh-CN': '当前密码不正确' },
  passwordRejected: { en: 'The new password is not accepted', 'zh-CN': '新密码不符合要求' },
  userCannotBeCreated: { en: 'The user cannot be created', 'zh-CN': '无法创建用户' },
  userCannotBeChanged: { en: 'The user cannot be changed', 'zh-CN': '无法修改用户' },
  userDisabled: { en: 'The user is disabled', 'zh-CN': '该用户已停用' },
  tokenCannotBeCreated: { en: 'The token cannot be created', 'zh-CN': '无法创建令牌' },
  tokenForWhom: { en: 'Say which user the token is for', 'zh-CN': '请指定令牌所属的用户' },
  tokensOfOthers: {
    en: 'Only an administrator can list others’ tokens',
    'zh-CN': '只有管理员可以查看他人的令牌',
  },
  tokenForOthers: {
    en: 'Only an administrator can make tokens for someone else',
    'zh-CN': '只有管理员可以为他人创建令牌',
  },
  lastAdmin: {
    en: 'This is the last administrator; make someone else admin first',
    'zh-CN': '这是最后一位管理员，请先指定其他管理员',
  },
  lastEnabledAdmin: {
    en: 'This is the last enabled administrator; make someone else admin first',
    'zh-CN': '这是最后一位启用的管理员，请先指定其他管理员',
  },
  cannotDisableSelf: { en: 'You cannot disable yourself', 'zh-CN': '不能停用自己' },
  rolesInvalid: { en: 'Some roles are not valid', 'zh-CN': '部分角色无效' },
  rolesOutsideEntities: {
    en: 'Roles can be granted or revoked only within your own entities; a role for all entities needs an administrator for all entities',
    'zh-CN': '只能在自己所属的主体内授予或撤销角色；面向全部主体的角色需由全部主体的管理员授予',
  },
  auditFilterInvalid: { en: 'Invalid audit filter', 'zh-CN': '审计筛选条件无效' },
  signInFailed: {
    en: 'Sign-in failed: wrong username or password. After repeated failures the account is locked for a while.',
    'zh-CN': '登录失败：用户名或密码错误。多次失败后账户将被锁定一段时间。',
  },
  noTerminalForPassword: {
    en: 'No terminal to ask for the password: pipe it in with --password-stdin',
    'zh-CN': '没有可输入密码的终端：请用 --password-stdin 从标准输入传入',
  },
  passwordsDiffer: { en: 'The two passwords differ', 'zh-CN': '两次输入的密码不一致' },
  passwordEmpty: { en: 'The password is empty', 'zh-CN': '密码为空' },
  limitBetween: { en: 'limit must be {min}–{max}', 'zh-CN': '每页条数须为 {min}–{max}' },
  auditHeadNotHash: { en: 'The recorded head is not a hash', 'zh-CN': '记录的链头不是哈希值' },
  auditHeadDigits: {
    en: 'must be 64 hexadecimal digits (from `audit head`)',
    'zh-CN': '须为 64 位十六进制数字（来自 `audit head`）',
  },
  uploadNotAccepted: {
    en: '{file}: the content is {content}, not {accepted}',
    'zh-CN': '{file}：文件内容是{content}，不是 {accepted}',
  },
  uploadNameMismatch: {
    en: '{file}: the content is {kind}, the name says .{extension}',
    'zh-CN': '{file}：文件内容是 {kind}，文件名却是 .{extension}',
  },
  uploadZipDamaged: {
    en: '{file}: the zip archive is truncated or damaged (its table of contents is missing): save or download the workbook again',
    'zh-CN': '{file}：zip 压缩包不完整或已损坏（缺少目录）：请重新保存或下载该工作簿',
  },
  uploadNotWorkbook: {
    en: '{file}: the content is a zip archive but not an Excel workbook (.xlsx): it has no xl/workbook.xml',
    'zh-CN': '{file}：文件内容是 zip 压缩包，但不是 Excel 工作簿（.xlsx）：缺少 xl/workbook.xml',
  },

  // Lists
  cursorInvalid: {
    en: 'cursor is not valid for this list; start again without it',
    'zh-CN': '分页位置对此列表无效，请从第一页重新开始',
  },
  limitRange: { en: 'limit must be an integer from 1 to {max}', 'zh-CN': '每页条数须为 1 到 {max} 的整数' },
  sortOneOf: { en: 'sort must be one of {allowed}', 'zh-CN': '排序方式须为以下之一：{allowed}' },

  // Ledger
  customerCodeTaken: { en: 'Customer code {code} already exists', 'zh-CN': '客户编码 {code} 已存在' },
  entityCodeTaken: { en: 'Entity code {code} already exists', 'zh-CN': '主体编码 {code} 已存在' },
  invoiceNumberTaken: {
    en: 'Invoice number {number} already exists for entity {entity}',
    'zh-CN': '主体 {entity} 已有发票号 {number}',
  },
  contactNameTaken: {
    en: 'This customer already has a contact named {name}',
    'zh-CN': '该客户已有名为 {name} 的联系人',
  },
  contactReferenced: {
    en: 'Contact {id} is referenced by collection records and cannot be deleted; set doNotContact instead',
    'zh-CN': '联系人 {id} 已被催收记录引用，不能删除；请改为设置“请勿联系”',
  },
  paymentInvalid: { en: 'The payment is not valid', 'zh-CN': '付款信息无效' },
  creditNoteInvalid: { en: 'The credit note is not valid', 'zh-CN': '贷项通知单无效' },
  allocationInvalid: { en: 'The allocation is not valid', 'zh-CN': '核销无效' },
  reversalInvalid: { en: 'The reversal is not valid', 'zh-CN': '冲销无效' },
  writeOffInvalid: { en: 'The write-off is not valid', 'zh-CN': '核销坏账无效' },
  paymentReversed: {
    en: 'Payment {reference} was reversed on {date}',
    'zh-CN': '付款 {reference} 已于 {date} 冲销',
  },
  paymentAlreadyReversed: {
    en: 'Payment {reference} was already reversed on {date}',
    'zh-CN': '付款 {reference} 已于 {date} 冲销过',
  },
  allocationAlreadyReversed: {
    en: 'Allocation {id} was already reversed on {date}',
    'zh-CN': '核销 {id} 已于 {date} 撤销过',
  },
  documentsMismatch: {
    en: 'These documents cannot be allocated to each other',
    'zh-CN': '这些单据不能相互核销',
  },
  allocationDate: {
    en: 'The allocation cannot take effect on that date',
    'zh-CN': '核销不能在该日期生效',
  },
  raceRetry: {
    en: 'The same documents were being changed at the same time; try again',
    'zh-CN': '相同单据正被同时修改，请重试',
  },
  raceOverAllocated: {
    en: 'The {document} was allocated by someone else at the same time: the allocation would exceed its open amount',
    'zh-CN': '{document}刚被他人同时核销：本次核销将超过其未结金额',
  },
  allocationExceeds: {
    en: 'Cannot allocate {amount} to invoice {invoice}: it exceeds the open amount',
    'zh-CN': '不能向发票 {invoice} 核销 {amount}：超过未结金额',
  },
  writeOffExceeds: {
    en: 'Cannot write off {amount} of invoice {invoice}: it exceeds the open amount {open}',
    'zh-CN': '不能核销发票 {invoice} 的 {amount} 坏账：超过未结金额 {open}',
  },
  exceedsInvoiceOpen: {
    en: "{amount} exceeds the invoice's open amount {open}",
    'zh-CN': '{amount} 超过发票的未结金额 {open}',
  },
  exceedsUnapplied: {
    en: '{amount} exceeds the unapplied amount {unapplied}',
    'zh-CN': '{amount} 超过未核销金额 {unapplied}',
  },
  onOrAfter: { en: 'must be on or after {date}', 'zh-CN': '不能早于 {date}' },
  onOrAfterBecause: { en: 'must be on or after {date}: {because}', 'zh-CN': '不能早于 {date}：{because}' },
  writeOffDate: {
    en: 'The invoice cannot be written off on that date',
    'zh-CN': '该发票不能在该日期核销坏账',
  },
  reversalBeforeReceipt: {
    en: 'A payment cannot be reversed before it was received',
    'zh-CN': '付款不能在收款日之前冲销',
  },
  reversalBeforeAllocations: {
    en: 'The payment has allocations effective after the reversal date',
    'zh-CN': '该付款有在冲销日期之后生效的核销',
  },
  allocationReversalDate: {
    en: 'An allocation cannot be reversed before it took effect',
    'zh-CN': '核销不能在生效日之前撤销',
  },
  paymentDiffers: {
    en: 'Payment {reference} of entity {entity} already exists with different {fields}',
    'zh-CN': '主体 {entity} 已有付款 {reference}，但{fields}不同',
  },
  creditNoteDiffers: {
    en: 'Credit note {number} of entity {entity} already exists with different {fields}',
    'zh-CN': '主体 {entity} 已有贷项通知单 {number}，但{fields}不同',
  },
  entityRequired: {
    en: 'entity is required (entityId or entityCode)',
    'zh-CN': '请指定主体（entityId 或 entityCode）',
  },
  noEntityYet: { en: 'no entity exists yet', 'zh-CN': '还没有任何主体' },
  severalEntities: { en: 'there is more than one entity: name one', 'zh-CN': '有多个主体，请指定一个' },
  customerRequired: {
    en: 'customer is required (customerId or customerCode)',
    'zh-CN': '请指定客户（customerId 或 customerCode）',
  },
  invalidCheckFields: { en: 'Invalid {what}: check {fields}', 'zh-CN': '{what}无效，请检查：{fields}' },
  cursorWrongSort: {
    en: 'cursor was made for sort {made}, not {sort}; start again without it',
    'zh-CN': '分页位置属于排序“{made}”，不是“{sort}”，请从第一页重新开始',
  },
  ratesEmpty: { en: 'items must list at least one rate', 'zh-CN': '至少要列出一个汇率' },
  unknownCurrency: { en: 'Unknown currency {currency}', 'zh-CN': '未知币种 {currency}' },
  noRate: {
    en: 'No exchange rate {from}→{to} (or {to}→{from}) on or before {date}',
    'zh-CN': '{date} 及之前没有 {from}→{to}（或 {to}→{from}）的汇率',
  },
  oldXls: {
    en: 'Old binary .xls files are not read; save the sheet as .xlsx or CSV',
    'zh-CN': '不支持旧版 .xls 文件，请另存为 .xlsx 或 CSV',
  },
  mappingInvalid: { en: 'The mapping is not valid', 'zh-CN': '字段映射无效' },
  mappingNotObject: { en: 'The mapping must be a JSON object', 'zh-CN': '字段映射须为 JSON 对象' },
  mappingNotJson: {
    en: 'The mapping is not valid JSON: {detail}',
    'zh-CN': '字段映射不是有效的 JSON：{detail}',
  },
  mappingFileUnreadable: {
    en: 'cannot read the mapping file {file}: {detail}',
    'zh-CN': '无法读取字段映射文件 {file}：{detail}',
  },
  importKindOneOf: { en: 'kind must be one of {allowed}', 'zh-CN': '导入类型须为以下之一：{allowed}' },
  importKindNot: {
    en: 'kind must be one of {allowed}, not {kind}',
    'zh-CN': '导入类型须为以下之一：{allowed}，而不是 {kind}',
  },
  noSuchFile: { en: 'No such file: {file}', 'zh-CN': '文件不存在：{file}' },
  importBusy: {
    en: 'Another import is running: try again when it has finished.',
    'zh-CN': '另一个导入正在进行，请在它完成后重试。',
  },
  uploadNotMultipart: {
    en: 'Send the file as multipart/form-data with a "file" part',
    'zh-CN': '请以 multipart/form-data 上传文件，并包含“file”部分',
  },
  uploadOneFile: { en: 'Send one file per import', 'zh-CN': '每次导入只能上传一个文件' },
  uploadFilePartMissing: { en: 'The "file" part is missing', 'zh-CN': '缺少“file”部分（上传的文件）' },
  fileUnreadable: { en: 'The file cannot be read: {reason}', 'zh-CN': '无法读取文件：{reason}' },
  fileUnreadableAt: {
    en: 'The file cannot be read at line {line}: {reason}',
    'zh-CN': '无法读取文件（第 {line} 行）：{reason}',
  },
  fileUnreadableFrom: {
    en: 'The file cannot be read from line {line}: {reason}',
    'zh-CN': '从第 {line} 行起无法读取文件：{reason}',
  },

  // Import problems by their stable code (problems[].code, with params): the web and the CLI show these
  // texts; the server's English reason beside them may say a little more (the line, a command to run).
  archive_truncated: {
    en: 'the XLSX file is truncated (an interrupted download or copy): save or download it again',
    'zh-CN': 'XLSX 文件不完整（下载或复制中断）：请重新保存或下载',
  },
  archive_invalid: {
    en: 'the XLSX file is not a valid zip archive ({why}): save it again from Excel',
    'zh-CN': 'XLSX 文件不是有效的 zip 压缩包（{why}）：请用 Excel 重新保存',
  },
  archive_too_large: {
    en: '{part} unpacks to more than {limit} (the limit for one import; at least {size}): split the file or import it as CSV',
    'zh-CN': '{part} 解压后超过 {limit}（单次导入的上限，至少 {size}）：请拆分文件或改用 CSV 导入',
  },
  archive_part_missing: {
    en: 'the XLSX file has no {part}: it is not an Excel workbook or is damaged',
    'zh-CN': 'XLSX 文件缺少 {part}：不是 Excel 工作簿或已损坏',
  },
  xml_doctype: {
    en: '{part} declares a DTD (<!DOCTYPE>/<!ENTITY>), which Excel never writes: save the file again from Excel',
    'zh-CN': '{part} 含有 DTD（<!DOCTYPE>/<!ENTITY>），Excel 不会写出这种内容：请用 Excel 重新保存',
  },
  xml_malformed: {
    en: 'the sheet is not well-formed XML after row {row} ({detail}): save the file again from Excel',
    'zh-CN': '工作表的 XML 格式有误（第 {row} 行之后：{detail}）：请用 Excel 重新保存',
  },
  cell_reference_invalid: {
    en: 'the sheet refers to cell "{ref}", which is not a cell of a worksheet (columns A to XFD, rows 1 to 1048576): save the file again from Excel',
    'zh-CN': '工作表引用了单元格“{ref}”，不是有效的单元格（列 A–XFD，行 1–1048576）：请用 Excel 重新保存',
  },
  too_many_cells: {
    en: 'the file has more than {limit} cells (the limit for one import): split it into several files',
    'zh-CN': '文件超过 {limit} 个单元格（单次导入的上限）：请拆分成多个文件',
  },
  utf16_without_bom: {
    en: 'the file is {encoding} text without a byte-order mark: save it as CSV in UTF-8, or set the encoding {name} in the mapping',
    'zh-CN':
      '文件是没有字节顺序标记（BOM）的 {encoding} 文本：请另存为 UTF-8 的 CSV，或在字段对应中指定编码 {name}',
  },
  utf32: {
    en: 'the file is {encoding} text, which is not read: save it as CSV in UTF-8 (or GBK)',
    'zh-CN': '文件是 {encoding} 文本，无法读取：请另存为 UTF-8（或 GBK）的 CSV',
  },
  nul_byte: {
    en: 'the line holds a NUL byte (\\0), which no text export contains: the file is binary, damaged or in another encoding (UTF-16/UTF-32); save it again as CSV in UTF-8',
    'zh-CN':
      '该行含有 NUL 字节（\\0），文本导出不会有：文件可能是二进制、已损坏或为其他编码（UTF-16/UTF-32），请另存为 UTF-8 的 CSV',
  },
  invalid_utf8_line: {
    en: 'not valid UTF-8 while the lines before it are: this row is probably GBK, pasted from another file; save the whole file as UTF-8 (if all of it is GBK, set the encoding gbk in the mapping)',
    'zh-CN':
      '该行不是有效的 UTF-8（前面的行都是）：这一行可能是从 GBK 文件粘贴来的；请把整个文件保存为 UTF-8（如果整个文件都是 GBK，请在字段对应中指定编码 gbk）',
  },
  not_utf8: {
    en: 'not valid UTF-8, so the file is probably GBK (as Chinese Excel saves CSV): set the encoding gbk in the mapping, or save the whole file as UTF-8',
    'zh-CN':
      '该行不是有效的 UTF-8，文件可能是 GBK（中文 Excel 保存 CSV 的编码）：请在字段对应中指定编码 gbk，或把文件保存为 UTF-8',
  },
  invalid_encoding: {
    en: 'not valid in its encoding at or after this line: save the file in one encoding',
    'zh-CN': '从该行起文件编码无效：请用同一种编码保存整个文件',
  },
  unclosed_quote: {
    en: 'the quote (") opened in column {column} is never closed, so every line after it would be read as one value: close it or remove it',
    'zh-CN': '第 {column} 列的引号（"）没有闭合，之后的所有行都会被当成一个值：请补上或删除这个引号',
  },
  ambiguous_column: {
    en: 'several columns are named "{header}" (columns {columns}): which one is {field} cannot be told; rename the others or remove them',
    'zh-CN': '有多列都叫“{header}”（第 {columns} 列）：无法判断哪一列是{field}，请重命名或删除多余的列',
  },
  import_unknown_customer: {
    en: 'unknown customer "{code}" (import customers first)',
    'zh-CN': '未知客户“{code}”（请先导入客户）',
  },
  import_no_open_case: {
    en: 'customer {code} has no open collection case in entity {entity}: a promise is recorded on an open case (run the engine for a customer with overdue invoices first)',
    'zh-CN':
      '客户 {code} 在主体 {entity} 下没有未结的催收案件：承诺还款须记在未结案件上（请先对有逾期发票的客户运行催收引擎）',
  },
  import_unknown_invoice: {
    en: 'no invoice {number} in entity {entity}',
    'zh-CN': '主体 {entity} 下没有发票 {number}',
  },
  import_dispute_currency: {
    en: 'the amount is in {currency}, invoice {number} in {invoiceCurrency}',
    'zh-CN': '金额的币种为 {currency}，而发票 {number} 的币种为 {invoiceCurrency}',
  },
  import_dispute_before_issue: {
    en: 'raised on {date}, before the invoice date {issueDate}',
    'zh-CN': '提出日期 {date} 早于发票日期 {issueDate}',
  },
  import_dispute_amount: {
    en: 'at most {max} of invoice {number} can be disputed (the invoice less its open disputes)',
    'zh-CN': '发票 {number} 最多可提出 {max} 的异议（发票金额减去未解决的异议）',
  },
  import_dispute_reason: {
    en: 'reason must be price, quantity, quality, not_delivered, duplicate, already_paid or other (价格/数量/质量/未收货/重复/已付款/其他)',
    'zh-CN':
      '原因须为 price、quantity、quality、not_delivered、duplicate、already_paid 或 other（价格/数量/质量/未收货/重复/已付款/其他）',
  },
  import_due_before_promise: {
    en: 'due on {dueOn}, before the promise date {promisedOn}',
    'zh-CN': '承诺还款日 {dueOn} 早于承诺日期 {promisedOn}',
  },
  totals_row: {
    en: 'a totals row ({word}), not a record: skipped',
    'zh-CN': '合计行（{word}），不是记录：已跳过',
  },
  leading_zeros: {
    en: 'invoice {number} looks like the existing invoice {existing} (same customer, dates and amount; the numbers differ only by leading zeros, which Excel drops): it is imported as a new invoice; check that it is not the same one',
    'zh-CN':
      '发票 {number} 与已有发票 {existing} 很像（客户、日期、金额相同，编号只差前导零，Excel 会去掉前导零）：将作为新发票导入，请确认不是同一张',
  },
  user_disabled: {
    en: 'user {user} is disabled: choose an active user',
    'zh-CN': '用户 {user} 已停用：请选择在用的用户',
  },
  rateNotDecimal: {
    en: 'rate "{rate}" is not a positive decimal with at most 12 decimals',
    'zh-CN': '汇率“{rate}”不是最多 12 位小数的正数',
  },
  rateNotPositive: { en: 'rate "{rate}" must be greater than zero', 'zh-CN': '汇率“{rate}”须大于零' },
  amountNotMinorUnits: {
    en: 'amount {amount} is not an integer of minor units',
    'zh-CN': '金额 {amount} 不是以最小货币单位表示的整数',
  },
  convertedTooLarge: {
    en: 'converted amount {amount} is beyond the exact range',
    'zh-CN': '换算后的金额 {amount} 超出可精确表示的范围',
  },

  // Collections
  caseClosed: { en: 'Case {id} is closed', 'zh-CN': '案件 {id} 已结案' },
  collectorNotAssignable: {
    en: 'The case cannot be given to this collector',
    'zh-CN': '不能把案件指派给该催收员',
  },
  taskAlreadyDone: { en: 'Task {id} is already {status}', 'zh-CN': '任务 {id} 已是“{status}”状态' },
  promiseInvalid: { en: 'Invalid promise', 'zh-CN': '承诺付款无效' },
  planInvalid: { en: 'Invalid payment plan', 'zh-CN': '还款计划无效' },
  disputeInvalid: { en: 'Invalid dispute', 'zh-CN': '异议无效' },
  disputeResolved: { en: 'Dispute {id} is already resolved', 'zh-CN': '异议 {id} 已解决' },
  // Approvals (src/approvals)
  approvalSelf: { en: 'You cannot approve your own request', 'zh-CN': '不能审批自己提交的申请' },
  approvalRole: {
    en: 'This step must be decided by one of: {roles}',
    'zh-CN': '此审批步骤须由以下角色之一决定：{roles}',
  },
  approvalTwice: {
    en: 'You approved an earlier step: the next one needs someone else',
    'zh-CN': '您已审批前一步骤，下一步须由他人审批',
  },
  approvalNeedsPerson: { en: 'A request is decided by a person', 'zh-CN': '审批须由具体人员作出' },
  approvalNotPending: {
    en: 'Approval request {id} is {status}, no longer pending',
    'zh-CN': '审批申请 {id} 已是“{status}”状态，不再待审批',
  },
  approvalNoHandler: {
    en: 'No handler is registered for approvals of kind {kind}',
    'zh-CN': '未登记“{kind}”类审批的处理程序',
  },
  approvalReasonNeeded: { en: 'Give a reason', 'zh-CN': '请填写理由' },
  approvalInvalid: { en: 'Invalid approval request', 'zh-CN': '审批申请无效' },
  approvalCancelOwn: {
    en: 'Only the requester can withdraw a request',
    'zh-CN': '只有申请人可以撤回申请',
  },
  creditTermsInvalid: { en: 'Invalid contract terms', 'zh-CN': '合同条款无效' },
  approvalRuleInvalid: { en: 'Invalid approval rule', 'zh-CN': '审批规则无效' },
  approvalRequired: {
    en: 'This needs approval: {kind} of {amount} is beyond your authority',
    'zh-CN': '超出您的权限，需审批：{kind} {amount}',
  },
  strategyRulesInvalid: { en: 'Invalid strategy rules', 'zh-CN': '策略规则无效' },
  simulationInvalid: { en: 'Invalid simulation', 'zh-CN': '模拟参数无效' },
  pausedUntilDate: { en: 'pausedUntil must be a date', 'zh-CN': '暂停截止日期须为日期' },
  pausedUntilNeedsPause: {
    en: 'pausedUntil needs manualStatus "paused"',
    'zh-CN': '只有“暂停”状态才能设置暂停截止日期',
  },
  onlyPauseHasEnd: { en: 'only a pause has an end date', 'zh-CN': '只有暂停才有截止日期' },
  unknownCollector: { en: 'Unknown collector', 'zh-CN': '催收员不存在' },
  noSuchUser: { en: 'no such user', 'zh-CN': '没有此用户' },
  cannotSortBy: { en: 'Cannot sort by {sort}', 'zh-CN': '不能按“{sort}”排序' },
  rowCheckBulkTablesOnly: {
    en: 'Only bulk-loaded tables can be checked row by row',
    'zh-CN': '只有批量导入的表才能逐行核对',
  },
  notARowId: { en: 'Not a row id', 'zh-CN': '不是有效的行号' },
  positiveIntegerReason: { en: 'must be a positive integer', 'zh-CN': '须为正整数' },
  oneOf: { en: 'one of {allowed}', 'zh-CN': '须为以下之一：{allowed}' },
  noStrategyNamed: { en: 'No strategy named {name}', 'zh-CN': '没有名为 {name} 的策略' },
  asOfDate: { en: 'asOf must be a date', 'zh-CN': '截止日期须为日期' },
  unknownStrategies: { en: 'Unknown strategies', 'zh-CN': '策略不存在' },
  noSuchStrategy: { en: 'No such strategy', 'zh-CN': '策略不存在' },
  noSuchStrategyReason: { en: 'no such strategy', 'zh-CN': '没有此策略' },
  strategyShape: {
    en: 'The strategy does not have the expected shape',
    'zh-CN': '策略的结构不符合要求',
  },
  strategyInconsistent: { en: 'Strategy {name} is not consistent', 'zh-CN': '策略 {name} 前后不一致' },

  // Collections engine: why a credit hold was released, a step skipped, a message or task cancelled (issue 15)
  creditHoldReleasedCaseClosed: {
    en: 'released by the engine: the case closed (nothing is owed any more)',
    'zh-CN': '系统自动解除：案件已结案（已无欠款）',
  },
  stepSkippedDisputed: {
    en: "due on {dueOn} while the case's open invoices were all disputed; the case was in the {stage} stage when the dispute ended",
    'zh-CN': '应于 {dueOn} 执行，当时案件的未结发票均有争议；争议结束时案件已处于{stage}阶段',
  },
  stepSkippedStageLeft: {
    en: 'due on {dueOn}; the case was already in the {stage} stage when the engine next ran on {runOn}',
    'zh-CN': '应于 {dueOn} 执行；引擎于 {runOn} 再次运行时案件已处于{stage}阶段',
  },
  stepSkippedTooLate: {
    en: 'due on {dueOn}; the engine did not run within the {days} catch-up days',
    'zh-CN': '应于 {dueOn} 执行；引擎未在 {days} 天补执行期限内运行',
  },
  stepSkippedSuperseded: {
    en: 'due on {dueOn}; superseded by {by}, the later step of the same action',
    'zh-CN': '应于 {dueOn} 执行；已由同类的后续步骤 {by} 取代',
  },
  messageCancelledNotOwed: {
    en: 'cancelled before sending: its invoices are no longer owed',
    'zh-CN': '发送前已取消：所列发票已无欠款',
  },
  messageCancelledBecause: { en: 'cancelled before sending: {why}', 'zh-CN': '发送前已取消：{why}' },
  messageCancelledDisputed: {
    en: 'cancelled before sending: the invoices it lists are disputed (or paid)',
    'zh-CN': '发送前已取消：所列发票有争议（或已付清）',
  },
  creditHoldReleasedBackUnderRules: {
    en: 'released by the engine: the case is back in the {stage} stage, below the stage that placed the hold',
    'zh-CN': '系统自动解除：案件已回到{stage}阶段，低于冻结时的阶段',
  },

  // Reports
  dateRequired: { en: '{field} must be a date YYYY-MM-DD', 'zh-CN': '{field}须为 YYYY-MM-DD 格式的日期' },
  fromAfterTo: { en: 'from must be on or before to', 'zh-CN': '开始日期不能晚于结束日期' },

  // Report exports (CSV and Excel, src/analytics/report-tables.ts): sheet names, headers and labels
  xGroup: { en: 'Group', 'zh-CN': '分组' },
  xCode: { en: 'Code', 'zh-CN': '编码' },
  xCustomer: { en: 'Customer', 'zh-CN': '客户' },
  xCustomerCode: { en: 'Customer code', 'zh-CN': '客户编码' },
  xEntity: { en: 'Entity', 'zh-CN': '主体' },
  xCurrency: { en: 'Currency', 'zh-CN': '币种' },
  xAmount: { en: 'Amount', 'zh-CN': '金额' },
  xInvoices: { en: 'Invoices', 'zh-CN': '发票数' },
  xTotal: { en: 'Total', 'zh-CN': '合计' },
  xTotalIn: { en: 'Total ({currency})', 'zh-CN': '合计（{currency}）' },
  xBucketCount: { en: '{bucket} #', 'zh-CN': '{bucket} 笔数' },
  xByCurrency: { en: 'By currency', 'zh-CN': '按币种' },
  xAgingTitleDue: { en: 'Aging {asOf} (due)', 'zh-CN': '账龄 {asOf}（按到期日）' },
  xAgingTitleInvoice: { en: 'Aging {asOf} (invoice)', 'zh-CN': '账龄 {asOf}（按开票日）' },
  xInvoicesTitle: { en: 'Invoices {asOf}', 'zh-CN': '发票 {asOf}' },
  xInvoice: { en: 'Invoice', 'zh-CN': '发票号' },
  xOpenOn: { en: 'Open on {date}', 'zh-CN': '{date} 未结金额' },
  xIssueDate: { en: 'Issue date', 'zh-CN': '开票日期' },
  xDueDate: { en: 'Due date', 'zh-CN': '到期日' },
  xDaysPastDue: { en: 'Days past due', 'zh-CN': '逾期天数' },
  xAgeDays: { en: 'Age (days)', 'zh-CN': '账龄（天）' },
  xBucketNotDue: { en: 'Not yet due', 'zh-CN': '未到期' },
  xBucketRange: { en: '{min}–{max}', 'zh-CN': '{min}–{max} 天' },
  xBucketAbove: { en: '>{days}', 'zh-CN': '{days} 天以上' },
  xFrom: { en: 'From', 'zh-CN': '开始日期' },
  xTo: { en: 'To', 'zh-CN': '结束日期' },
  xDays: { en: 'Days', 'zh-CN': '天数' },
  xOpeningAr: { en: 'Opening AR', 'zh-CN': '期初应收' },
  xCreditSales: { en: 'Credit sales', 'zh-CN': '赊销额' },
  xClosingAr: { en: 'Closing AR', 'zh-CN': '期末应收' },
  xClosingCurrentAr: { en: 'Closing current AR', 'zh-CN': '期末未到期应收' },
  xClosingOverdueAr: { en: 'Closing overdue AR', 'zh-CN': '期末逾期应收' },
  xDso: { en: 'DSO (days)', 'zh-CN': 'DSO（天）' },
  xCountbackDso: { en: 'Countback DSO (days)', 'zh-CN': '倒推法 DSO（天）' },
  xBestDso: { en: 'Best possible DSO (days)', 'zh-CN': '最佳可能 DSO（天）' },
  xAdd: { en: 'ADD (days)', 'zh-CN': '平均逾期天数 ADD（天）' },
  xCei: { en: 'CEI %', 'zh-CN': '回款效率 CEI %' },
  xPeriod: { en: 'Period', 'zh-CN': '期间' },
  xMonths: { en: 'Months', 'zh-CN': '各月' },
  xMonth: { en: 'Month', 'zh-CN': '月份' },
  xCeiSheet: { en: 'CEI', 'zh-CN': '回款效率 CEI' },
  xFigure: { en: 'Figure', 'zh-CN': '指标' },
  xValue: { en: 'Value', 'zh-CN': '数值' },
  xFormula: { en: 'Formula', 'zh-CN': '公式' },
  xPeriodCei: { en: 'Period CEI % (N = {months})', 'zh-CN': '期间 CEI %（N = {months}）' },
  xMonthlyCeiAverage: { en: 'Average of the monthly CEI %', 'zh-CN': '各月 CEI % 的平均值' },
  xNote: { en: 'Note', 'zh-CN': '说明' },
  ceiFormula: {
    en: 'CEI = (opening AR + credit sales / N − closing AR) / (opening AR + credit sales / N − closing current AR) × 100, N = months',
    'zh-CN':
      'CEI = (期初应收 + 赊销额 / N − 期末应收) / (期初应收 + 赊销额 / N − 期末未到期应收) × 100，N = 月数',
  },
  ceiNoteArGrew: {
    en:
      'Closing AR is more than opening AR plus one average month of credit sales (AR grew in the period), so the ' +
      'formula gives a figure that says nothing about collections; read the average of the monthly figures.',
    'zh-CN':
      '期末应收大于期初应收加一个月平均赊销额（期间应收增长），公式得出的数字不能反映回款情况，请看各月数字的平均值。',
  },
  ceiNoteNotDefined: {
    en: 'Opening AR plus one average month of credit sales is not more than closing current AR: the formula has no meaning here.',
    'zh-CN': '期初应收加一个月平均赊销额不大于期末未到期应收，公式在此没有意义。',
  },
  ceiNoteAboveHundred: {
    en: 'Closing current AR exceeds closing total AR (credit balances), so the figure is above 100 % and not meaningful.',
    'zh-CN': '期末未到期应收大于期末应收总额（存在贷方余额），数字超过 100 %，没有意义。',
  },
  xCustomers: { en: 'Customers', 'zh-CN': '客户' },
  xPaid: { en: 'Paid', 'zh-CN': '回款金额' },
  xAvgDaysToPay: { en: 'Avg days to pay (days)', 'zh-CN': '平均回款天数（天）' },
  xAvgDaysLate: { en: 'Avg days late (days)', 'zh-CN': '平均逾期天数（天）' },
  xInvoicesPaid: { en: 'Invoices paid', 'zh-CN': '已付发票数' },
  xPaidLate: { en: 'Paid late', 'zh-CN': '逾期付款数' },
  xPaidLateShare: { en: 'Paid late %', 'zh-CN': '逾期付款占比 %' },
  xAgingMethod: { en: 'Aging method', 'zh-CN': '账龄分析法' },
  xAgeBucket: { en: 'Age bucket', 'zh-CN': '账龄区间' },
  xBalance: { en: 'Balance', 'zh-CN': '余额' },
  xRate: { en: 'Rate', 'zh-CN': '计提比例' },
  xProvision: { en: 'Provision', 'zh-CN': '坏账准备' },
  xProvisionMatrix: { en: 'Provision matrix', 'zh-CN': '减值矩阵' },
  xOverdueBucket: { en: 'Overdue bucket', 'zh-CN': '逾期区间' },
  xEntered: { en: 'Entered (cohort)', 'zh-CN': '进入金额（批次）' },
  xRolled: { en: 'Rolled to next', 'zh-CN': '迁徙至下一区间' },
  xRollRate: { en: 'Roll rate', 'zh-CN': '迁徙率' },
  xHistoricalLossRate: { en: 'Historical loss rate', 'zh-CN': '历史损失率' },
  xLossRate: { en: 'Loss rate', 'zh-CN': '预期损失率' },
  xSpecific: { en: 'Specific', 'zh-CN': '单项计提' },
  xReason: { en: 'Reason', 'zh-CN': '原因' },
  xDerivation: { en: 'Derivation', 'zh-CN': '计算说明' },
  xHowDerived: { en: 'How each figure is derived', 'zh-CN': '各数字的计算方法' },
  provisionBalances: {
    en: 'Balances are open invoice amounts on {asOf} (allocations effective on or before it and not reversed by it), converted to {currency}.',
    'zh-CN': '余额为 {asOf} 的发票未结金额（计入当日及以前生效且未被冲回的核销），折算为 {currency}。',
  },
  provisionSpecificRule: {
    en: 'Customers with a specific provision are provided for at their own rate on their whole balance and left out of the collective figures.',
    'zh-CN': '单项计提的客户按其自己的比例对全部余额计提，不计入组合计提的数字。',
  },
  provisionAgingRule: {
    en: 'Aging method: balance of each age bucket (days since invoice date) × its rate, rounded half to even.',
    'zh-CN': '账龄分析法：各账龄区间（自开票日起的天数）的余额 × 该区间的计提比例，按四舍六入五成双取整。',
  },
  provisionMatrixRule: {
    en: 'Provision matrix: roll rate of bucket k = open amount of the invoices when they reached bucket k+1 / their open amount when they entered bucket k, for invoices that entered bucket k on or after {windowStart} and reached k+1 by {asOf}; write-offs count as rolled. Historical loss rate of k = product of the roll rates from k to the last bucket × {finalRate}; loss rate = historical × forward-looking factor {factor}, at most 1; provision = balance × loss rate, rounded half to even.',
    'zh-CN':
      '减值矩阵：区间 k 的迁徙率 = 发票进入区间 k+1 时的未结金额 / 进入区间 k 时的未结金额，取 {windowStart} 及以后进入区间 k、并于 {asOf} 前进入 k+1 的发票；核销坏账计为迁徙。区间 k 的历史损失率 = 从 k 到最后一个区间的迁徙率之积 × {finalRate}；预期损失率 = 历史损失率 × 前瞻调整系数 {factor}，最高为 1；坏账准备 = 余额 × 预期损失率，按四舍六入五成双取整。',
  },
  provisionBookedAging: {
    en: 'Booked provision uses the aging method plus specific provisions.',
    'zh-CN': '计提的坏账准备 = 账龄分析法的结果 + 单项计提。',
  },
  provisionBookedMatrix: {
    en: 'Booked provision uses the provision matrix plus specific provisions.',
    'zh-CN': '计提的坏账准备 = 减值矩阵的结果 + 单项计提。',
  },
  provisionUnknownRule: {
    en: 'A figure that needs an exchange rate the store does not have is unknown (empty), and so is every total and rate derived from it.',
    'zh-CN': '需要系统中没有的汇率的数字为未知（空白），由其得出的合计和比率也为未知。',
  },
  xStatementTitle: { en: 'Statement of account', 'zh-CN': '对账单' },
  xStatementCustomer: { en: 'Customer: {name} ({code})', 'zh-CN': '客户：{name}（{code}）' },
  xStatementTaxId: { en: 'Tax ID: {taxId}', 'zh-CN': '统一社会信用代码：{taxId}' },
  xStatementPeriod: {
    en: 'Period: {from} to {to}, currency {currency}',
    'zh-CN': '期间：{from} 至 {to}，币种 {currency}',
  },
  xDate: { en: 'Date', 'zh-CN': '日期' },
  xDocument: { en: 'Document', 'zh-CN': '单据' },
  xReference: { en: 'Reference', 'zh-CN': '单号' },
  xDebit: { en: 'Debit', 'zh-CN': '借方' },
  xCredit: { en: 'Credit', 'zh-CN': '贷方' },
  xOpeningBalance: { en: 'Opening balance', 'zh-CN': '期初余额' },
  xClosingBalance: { en: 'Closing balance', 'zh-CN': '期末余额' },
  xAgingOf: { en: 'Aging {bucket}', 'zh-CN': '账龄 {bucket}' },
  xUnapplied: { en: 'Unapplied payments and credits', 'zh-CN': '未核销的付款及贷项' },
  xKindInvoice: { en: 'Invoice', 'zh-CN': '发票' },
  xKindPayment: { en: 'Payment', 'zh-CN': '收款' },
  xKindPaymentReversal: { en: 'Payment reversal', 'zh-CN': '收款冲回' },
  xKindCreditNote: { en: 'Credit note', 'zh-CN': '贷项通知单' },
  xKindWriteOff: { en: 'Write-off', 'zh-CN': '坏账核销' },
  xStatementCheck: {
    en: 'Please check the balance above against your records. If it agrees, sign, seal and return this statement to {entity}; if not, state the difference and its reason below.',
    'zh-CN':
      '请贵公司核对上述余额。如核对相符，请在下方签章后寄回{entity}；如有不符，请在下方注明不符金额及原因。',
  },
  xStatementConfirm: {
    en: 'We confirm that the balance we owe {entity} as of {date} is {currency} {amount}, and that it is correct.',
    'zh-CN': '本公司确认截至 {date} 欠{entity}款项余额为 {currency} {amount}，核对无误。',
  },
  xStatementDifference: {
    en: 'Difference and reason (if any): ______________________________',
    'zh-CN': '不符金额及原因（如有）：______________________________',
  },
  xStatementSignature: {
    en: 'Customer (company seal): ______________    Authorised signature: ______________    Date: ______________',
    'zh-CN': '客户（盖章）：______________    经办人签字：______________    日期：______________',
  },
  xTrend: { en: 'Trend', 'zh-CN': '趋势' },
  xTopOverdue: { en: 'Top overdue', 'zh-CN': '逾期最多的客户' },
  xAging: { en: 'Aging', 'zh-CN': '账龄' },
  xBucket: { en: 'Bucket', 'zh-CN': '区间' },
  xOverdue: { en: 'Overdue', 'zh-CN': '逾期金额' },
  xAr: { en: 'AR', 'zh-CN': '应收余额' },
  xOldestDaysPastDue: { en: 'Oldest days past due', 'zh-CN': '最长逾期天数' },
  bucketsList: {
    en: '{field} must be a list of 1 to 20 day counts',
    'zh-CN': '{field}须为 1 到 20 个天数组成的列表',
  },
  bucketsIncreasing: {
    en: '{field} must be increasing whole days above 0',
    'zh-CN': '{field}须为递增的正整数天数',
  },
  edgesIncrease: {
    en: 'edges must increase, each a whole number of days above 0',
    'zh-CN': '分段须递增，每段为大于 0 的整数天数',
  },
  toAfterToday: {
    en: 'to {to} is after today ({today}): AR after today is not known yet',
    'zh-CN': '结束日期 {to} 晚于今天（{today}）：今天以后的应收账款尚不可知',
  },
  afterToday: { en: 'after today ({today})', 'zh-CN': '晚于今天（{today}）' },
  limitationActionNone: { en: 'Nothing to do yet', 'zh-CN': '暂无需处理' },
  limitationActionSendConfirmation: {
    en: 'Send a balance confirmation (询证函) for signature before the claim expires',
    'zh-CN': '在诉讼时效届满前发送询证函并取得对方签章确认',
  },
  limitationActionSeekPromise: {
    en: 'Expired: obtain a signed promise to pay, which waives the limitation defence',
    'zh-CN': '诉讼时效已届满：争取对方签署还款承诺（可放弃时效抗辩）',
  },
  reportUnknownCurrency: { en: 'unknown currency {currency}', 'zh-CN': '未知币种 {currency}' },
  decimalSuchAs: {
    en: '{field} must be a decimal such as "0.05"',
    'zh-CN': '{field}须为小数，例如“0.05”',
  },
  atMost: { en: '{field} must be at most {max}', 'zh-CN': '{field}不能大于 {max}' },
  above: { en: 'above {max}', 'zh-CN': '大于 {max}' },
  ratesPerBucket: {
    en: 'agingMethod.rates needs one rate per bucket (edges + 1)',
    'zh-CN': '账龄法计提比例须每个账龄段一个（分段数 + 1）',
  },
  expectedRates: { en: 'expected {count} rates', 'zh-CN': '应有 {count} 个比例' },
  lookbackRange: {
    en: 'provisionMatrix.lookbackMonths must be 1 to 120',
    'zh-CN': '准备矩阵的回看月数须为 1 到 120',
  },
  outOfRange: { en: 'out of range', 'zh-CN': '超出范围' },
  provisionMethodOneOf: {
    en: 'provisionMethod must be aging or matrix',
    'zh-CN': '计提方法须为账龄法（aging）或矩阵法（matrix）',
  },
  notAgingOrMatrix: { en: 'not aging or matrix', 'zh-CN': '不是 aging 或 matrix' },
  unknownSetting: { en: 'unknown setting {key}', 'zh-CN': '未知设置 {key}' },
  unknownSettings: { en: 'unknown settings: {keys}', 'zh-CN': '未知设置：{keys}' },
  rateZeroToOne: {
    en: 'rate must be a decimal from 0 to 1, e.g. "0.5"',
    'zh-CN': '比例须为 0 到 1 之间的小数，例如“0.5”',
  },
  notARate: { en: 'not a rate', 'zh-CN': '不是有效比例' },
  reasonRequired: { en: 'a reason is required', 'zh-CN': '请填写原因' },

  // Why the engine recorded a step as skipped or fired it late (step_firing.detail, stored as code + params)
  caughtUpLate: {
    en: 'caught up: due on {dueOn}, before the strategy reached the case',
    'zh-CN': '补执行：原定 {dueOn}，早于策略生效',
  },
  skippedHeld: {
    en: 'held while the case was in {stage}; it was in {now} when the hold ended',
    'zh-CN': '案件处于{stage}阶段时被暂缓；暂缓结束时已进入{now}阶段',
  },
  skippedSuperseded: {
    en: 'caught up: due on {dueOn}; superseded by {by}',
    'zh-CN': '补执行：原定 {dueOn}；已被 {by} 取代',
  },
  skippedStagePassed: {
    en: 'caught up: due on {dueOn}; the case was in {now} when the strategy reached it on {reachedOn}',
    'zh-CN': '补执行：原定 {dueOn}；策略于 {reachedOn} 生效时案件已处于{now}阶段',
  },
  skippedNothingToRender: {
    en: 'no step of the strategy left to render',
    'zh-CN': '策略中没有可生成消息的步骤',
  },
  skippedNoContact: { en: 'no contact who accepts {channel}', 'zh-CN': '没有接受{channel}的联系人' },

  // The command line (src/cli)
  optionOneOf: { en: '--{option} must be one of {allowed}', 'zh-CN': '--{option} 须为以下之一：{allowed}' },
  optionOneOfNot: {
    en: '--{option} must be one of {allowed}, not {value}',
    'zh-CN': '--{option} 须为以下之一：{allowed}，而不是 {value}',
  },
  optionBetween: { en: '--{option} must be {min} to {max}', 'zh-CN': '--{option} 须为 {min} 到 {max}' },
  optionWholeAtLeastOne: {
    en: '--{option} must be a whole number of 1 or more, not {value}',
    'zh-CN': '--{option} 须为不小于 1 的整数，而不是 {value}',
  },
  optionRequired: { en: '--{option} is required', 'zh-CN': '缺少 --{option}' },
  optionEitherRequired: { en: '--{a} or --{b} is required', 'zh-CN': '请给出 --{a} 或 --{b}' },
  optionExactlyOne: { en: 'give exactly one of --{a} and --{b}', 'zh-CN': '--{a} 和 --{b} 须且只能给出一个' },
  optionAmount: { en: '--{option}: {reason}', 'zh-CN': '--{option}：{reason}' },
  optionWholeNumber: {
    en: '--{option} must be a whole number, got {value}',
    'zh-CN': '--{option} 须为整数，而不是 {value}',
  },
  optionPositive: { en: '--{option} must be more than zero', 'zh-CN': '--{option} 须大于零' },
  addEntity: { en: 'add --entity', 'zh-CN': '请加上 --entity' },
  invoiceInSeveralEntities: {
    en: 'Invoice {number} exists in entities {entities}: add --entity',
    'zh-CN': '发票 {number} 存在于多个主体（{entities}）：请加上 --entity',
  },
  paymentInSeveralEntities: {
    en: 'Payment {reference} exists in entities {entities}: add --entity',
    'zh-CN': '付款 {reference} 存在于多个主体（{entities}）：请加上 --entity',
  },
  idNotNumber: {
    en: '{what} id must be a number, got {value}',
    'zh-CN': '{what}编号须为数字，而不是 {value}',
  },
  tokenIdNumber: {
    en: 'The token id is a number (see `huikuan tokens list`)',
    'zh-CN': '令牌编号须为数字（见 `huikuan tokens list`）',
  },
  remoteNotSet: {
    en: 'Set HUIKUAN_SERVER (e.g. https://huikuan.example.com) and HUIKUAN_TOKEN',
    'zh-CN': '请设置 HUIKUAN_SERVER（例如 https://huikuan.example.com）和 HUIKUAN_TOKEN',
  },
  tokenRefused: { en: 'The server refused the token', 'zh-CN': '服务器拒绝了该令牌' },
  xlsxNeedsOut: {
    en: '--format xlsx writes a binary workbook: give --out FILE.xlsx or redirect (> FILE.xlsx)',
    'zh-CN': '--format xlsx 输出二进制工作簿：请用 --out FILE.xlsx 或重定向（> FILE.xlsx）',
  },
  setExpectsKeyJson: {
    en: '--set {assignment}: expected key=JSON',
    'zh-CN': '--set {assignment}：格式应为 key=JSON',
  },
  notJsonFile: { en: '{file} is not a JSON file: {detail}', 'zh-CN': '{file} 不是 JSON 文件：{detail}' },
  ratesLine: {
    en: 'line {line}: expected from,to,date,rate',
    'zh-CN': '第 {line} 行：格式应为 from,to,date,rate',
  },
  ratesColumns: { en: 'expected 4 columns: from,to,date,rate', 'zh-CN': '应有 4 列：from,to,date,rate' },
  unknownRoles: { en: 'Unknown role {roles}; use {allowed}', 'zh-CN': '未知角色 {roles}；可用：{allowed}' },
  unknownRole: { en: 'Unknown role {role}', 'zh-CN': '未知角色 {role}' },

  // Demo data
  demoOptionsInvalid: { en: 'Invalid demo options', 'zh-CN': '演示数据参数无效' },
  demoStoreNotEmpty: {
    en: 'The store already has {count} customers; the demo loads only into an empty store (use a new HUIKUAN_DATA_DIR or an empty database)',
    'zh-CN': '库中已有 {count} 个客户；演示数据只能载入空库（请使用新的 HUIKUAN_DATA_DIR 或空数据库）',
  },
} as const satisfies Record<string, MessageText>;

export type MessageCode = keyof typeof MESSAGES;

/**
 * Words that appear as parameter values (what was not found, which field): translated when the message is
 * shown in Chinese. The group is the parameter name; the key is the English value, lower case.
 */
export const TERMS: Record<string, Record<string, string>> = {
  what: {
    case: '案件',
    customer: '客户',
    user: '用户',
    payment: '付款',
    invoice: '发票',
    contact: '联系人',
    'import batch': '导入批次',
    entity: '主体',
    token: '令牌',
    task: '任务',
    strategy: '策略',
    simulation: '模拟',
    'credit note': '贷项通知单',
    allocation: '核销',
    'customer filter': '客户筛选条件',
    'invoice filter': '发票筛选条件',
    'exchange rates': '汇率',
    'exchange-rate filter': '汇率筛选条件',
  },
  document: { invoice: '发票', payment: '付款', 'credit note': '贷项通知单', credit_note: '贷项通知单' },
  field: {
    username: '用户名',
    code: '编码',
    number: '单号',
    reference: '付款参考号',
    name: '名称',
    entity_id: '主体',
    customer_id: '客户',
    invoice_id: '发票',
    payment_id: '付款',
    credit_note_id: '贷项通知单',
    user_id: '用户',
    contact_id: '联系人',
    case_id: '案件',
    role: '角色',
    version: '版本',
    token_hash: '令牌',
    dedupe_key: '去重键',
    from: '开始日期',
    to: '结束日期',
    asof: '截止日期',
  },
  because: {
    'the invoice was issued then': '发票于该日开具',
    'the credit note was issued then': '贷项通知单于该日开具',
    'the payment was received then': '付款于该日收到',
    'an earlier allocation of the invoice was reversed then': '该发票之前的一笔核销于该日撤销',
    'an earlier allocation of the payment was reversed then': '该付款之前的一笔核销于该日撤销',
    'an earlier allocation of the credit note was reversed then': '该贷项通知单之前的一笔核销于该日撤销',
  },
  fields: {
    customer: '客户',
    issuedate: '开票日期',
    receiveddate: '收款日期',
    currency: '币种',
    amount: '金额',
    invoicenumber: '发票号',
    reason: '原因',
    method: '付款方式',
    note: '备注',
  },
  stage: { reminder: '提醒', early: '了解+纠正', strong: '施压' },
  now: { reminder: '提醒', early: '了解+纠正', strong: '施压' },
  channel: { email: '邮件', sms: '短信', letter: '信函' },
  status: { open: '待办', done: '已完成', cancelled: '已取消', skipped: '已跳过' },
  content: { 'a zip archive': 'zip 压缩包', 'not a known file type': '未知的文件类型' },
  accepted: { 'csv or xlsx': 'CSV 或 XLSX' },
};

/**
 * Short problem reasons (`problems[].reason`) that recur, by their English text: the web shows the Chinese
 * beside a row or field. Longer reasons carry their own message code.
 */
export const REASONS: Record<string, string> = {
  required: '必填',
  'not a date': '不是有效日期',
  'after to': '晚于结束日期',
  'is empty': '为空',
  'not positive': '须大于零',
  'unknown setting': '未知设置',
  'not a list': '不是列表',
  'wrong password': '密码不正确',
  'YYYY-MM-DD': '须为 YYYY-MM-DD',
  'cursor does not match the sort': '分页位置与排序不符',
  'differs from the stored payment': '与已保存的付款不同',
  'differs from the stored credit note': '与已保存的贷项通知单不同',
  'not found': '未找到',
  'no such user': '没有此用户',
  'must be a string': '须为文本',
  'invalid date cell': '日期单元格无效',
  'the row could not be read': '该行无法读取',
  'the file has no header row': '文件没有标题行',
  'unknown kind': '未知的导入类型',
  'not a decimal': '不是小数',
  'encoding must be utf-8, gbk (or gb2312, gb18030), utf-16le or utf-16be':
    '编码须为 utf-8、gbk（或 gb2312、gb18030）、utf-16le 或 utf-16be',
};

/** Recurring reasons that carry the value: the English pattern and the Chinese with $1 for the value. */
export const REASON_PATTERNS: [RegExp, string][] = [
  [/^"?(.*?)"? is not a real calendar date$/, '“$1”不是实际存在的日期'],
  [/^"?(.*?)"? does not match date format (.*)$/, '“$1”不符合日期格式 $2'],
  [/^"?(.*?)"? is not a date$/, '“$1”不是有效日期'],
  [/^"?(.*?)"? is not an amount$/, '“$1”不是有效金额'],
  [/^"?(.*?)"? is too large$/, '“$1”过大'],
  [/^"?(.*?)"? has more decimals than the currency's (\d+)$/, '“$1”的小数位多于币种允许的 $2 位'],
  [/^date is empty$/, '日期为空'],
  [
    /^the store has (\d+) entities \((.*)\): give an entity column or defaults\.entity$/,
    '系统中有 $1 个法人主体（$2）：请在文件中加入主体列，或设置默认主体',
  ],
  [/^required column missing: (.*?); looked for (.*?)( — .*)?$/, '缺少必填列：$1；查找过的列名：$2'],
  [/^mapped column "(.*)" is not in the file \(columns: (.*)\)$/, '映射的列“$1”不在文件中（文件的列：$2）'],
];
