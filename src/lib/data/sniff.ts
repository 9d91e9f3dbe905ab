/**
 * What a data file really is, from its first bytes, whatever its name says:
 * people save workbooks under a .csv name, rename an old .xls to .xlsx, or
 * protect a book with a password. Each kind gets advice a person can follow.
 */
/** Formats the reader does not take: a data file saved in one of them is an error, never a skipped file. */
export const FOREIGN = ['.xls', '.ods', '.xlsm', '.xlsb', '.fods', '.numbers', '.txt'];
/** A table's name in any format people save tables in (Excel's «Текст (разделители — знаки табуляции)» is .txt). */
export const SPREADSHEET = /\.(csv|xlsx|xls|ods|xlsm|xlsb|fods|numbers|txt)$/i;

export type FileKind = 'xlsx' | 'ods' | 'xls' | 'encrypted' | 'text';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
// The Compound File Binary container of old .xls files — and of password-protected .xlsx.
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);
/** A name as a compound file's directory stores it: UTF-16LE. */
const utf16 = (s: string) => Buffer.from(s, 'utf16le');

export function fileKind(bytes: Uint8Array): FileKind {
  if (startsWith(bytes, ZIP)) {
    // An OpenDocument file starts with its uncompressed «mimetype» entry.
    const head = Buffer.from(bytes.subarray(0, 200)).toString('latin1');
    return head.includes('application/vnd.oasis.opendocument') ? 'ods' : 'xlsx';
  }
  if (startsWith(bytes, CFB)) return Buffer.from(bytes).includes(utf16('EncryptedPackage')) ? 'encrypted' : 'xls';
  return 'text';
}

/** Why a file of this kind cannot be read as `name` (a data file's name, as it lies in the folder), and what to do. */
export function kindAdvice(kind: Exclude<FileKind, 'text'>, name: string): string {
  const base = name.replace(/\.[a-z]+$/i, '');
  const saveAs = 'откройте его в Excel и сохраните как «Книга Excel (*.xlsx)» или как CSV';
  // What the name promises, so the message can say what the file is instead.
  const promised = /\.csv$/i.test(name) ? ', а не CSV-файл' : /\.xlsx$/i.test(name) ? ', а не книга Excel (.xlsx)' : '';
  switch (kind) {
    case 'xlsx':
      return /\.xlsx$/i.test(name)
        ? 'Книга Excel повреждена.'
        : `Это книга Excel (.xlsx)${promised}: переименуйте файл в ${base}.xlsx или сохраните его как CSV.`;
    case 'ods':
      return `Это таблица OpenDocument (.ods)${promised}: ${saveAs}.`;
    case 'xls':
      return `Это книга Excel старого формата (.xls)${promised}: ${saveAs}.`;
    case 'encrypted':
      return 'Книга защищена паролем, и сборка не может её прочитать: откройте её в Excel, снимите пароль (Файл → Сведения → Защита книги → Зашифровать с использованием пароля → удалить пароль) и сохраните.';
  }
}
