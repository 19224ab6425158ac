/**
 * The headers of an export that no entity of the package declares: data no mapping reads. Each
 * entity's reader lists the headers of its files it does not declare, but a file can be read by
 * two entities (the relations, and the same file again keyed by name for the links the export
 * makes by name, which declares two of its columns): a header the other entity declares is read.
 */

interface UndeclaredHeader {
  readonly file: string;
  readonly header: string;
}

interface EntityReading<H extends UndeclaredHeader> {
  readonly entity: string;
  readonly files: readonly { readonly file: string }[];
  readonly extraHeaders: readonly H[];
}

/** By entity, the headers no entity reading their file declares, each given once: under the first entity that reads the file. */
export function headersNoEntityDeclares<H extends UndeclaredHeader>(readings: readonly EntityReading<H>[]): Map<string, H[]> {
  const readers = new Map<string, string[]>();
  const undeclaredBy = new Map<string, number>();
  const key = (header: UndeclaredHeader): string => `${header.file}\u0000${header.header}`;
  for (const reading of readings) {
    for (const { file } of reading.files) readers.set(file, [...(readers.get(file) ?? []), reading.entity]);
    for (const header of reading.extraHeaders) undeclaredBy.set(key(header), (undeclaredBy.get(key(header)) ?? 0) + 1);
  }
  const result = new Map<string, H[]>();
  for (const reading of readings) {
    const unread = reading.extraHeaders.filter((header) => {
      const fileReaders = readers.get(header.file) ?? [reading.entity];
      return undeclaredBy.get(key(header)) === fileReaders.length && fileReaders[0] === reading.entity;
    });
    result.set(reading.entity, unread);
  }
  return result;
}
