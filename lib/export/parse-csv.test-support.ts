/**
 * A strict RFC 4180 reader (CRLF records, quoted fields with doubled quotes), used by the tests to
 * read the exports back as a spreadsheet would; it throws on anything a lenient reader would guess at.
 */
export function parseCsv(csv: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  const endOfField = () => {
    if (csv.startsWith('\r\n', i)) {
      records.push(record);
      record = [];
      i += 2;
      return true;
    }
    if (csv[i] === ',') {
      i += 1;
      return false;
    }
    throw new Error(`CSV: expected , or CRLF at ${i}`);
  };
  while (i < csv.length) {
    let field = '';
    if (csv[i] === '"') {
      i += 1;
      for (;;) {
        if (i >= csv.length) throw new Error('CSV: unterminated quoted field');
        if (csv[i] === '"') {
          if (csv[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i += 1;
          break;
        }
        field += csv[i];
        i += 1;
      }
    } else {
      while (i < csv.length && csv[i] !== ',' && csv[i] !== '\r') {
        if (csv[i] === '"' || csv[i] === '\n') throw new Error(`CSV: bare ${JSON.stringify(csv[i])} in an unquoted field at ${i}`);
        field += csv[i];
        i += 1;
      }
    }
    record.push(field);
    if (i >= csv.length) throw new Error('CSV: the last record has no CRLF');
    endOfField();
  }
  return records;
}
