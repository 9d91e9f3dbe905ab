/**
 * The reference files as the ИМЦ opens them: Russian Excel reads a CSV with its own separator «;» and takes a file
 * without a byte-order mark for Windows-1251, so a comma-separated UTF-8 file opens as one garbled column. The
 * demo's data/reference/ is written in Excel's dialect (BOM, «;», CRLF) with the Russian headers the templates use;
 * the build reads either form.
 */
import Papa from 'papaparse';
import { DATA_FILES } from '../../src/lib/data/files.ts';
import { columnDocs } from '../../src/lib/data/templates.ts';

/** `text`, a reference CSV with canonical headers, rewritten for Russian Excel. */
export function forExcel(path: string, text: string): string {
  const file = DATA_FILES.find((f) => f.path === path);
  if (!file) throw new Error(`${path} is not a data file`);
  const russian = new Map(columnDocs(file).map((d) => [d.canonical, d.header]));
  const { data } = Papa.parse<string[]>(text.trim(), { skipEmptyLines: true });
  const [header, ...rows] = data;
  const fields = header.map((h) => russian.get(h) ?? h);
  return '\ufeff' + Papa.unparse({ fields, data: rows }, { delimiter: ';', newline: '\r\n' }) + '\r\n';
}
