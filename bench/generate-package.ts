/**
 * Generates a large, valid .flitmap package for benchmarks: sources, tables, maps and splits in
 * the shape real mappings have, spread over many files.
 */
export interface GeneratedFile {
  readonly path: string;
  readonly text: string;
}

function entityBlock(index: number, columns: number): string {
  const lines = [`  entity Entity${index} "entity_${index}_*.csv" key id {`, `    id "Identifier" text required`];
  for (let column = 0; column < columns; column++) lines.push(`    column_${column} "Column ${column} (${index})" ${column % 5 === 0 ? "date" : column % 3 === 0 ? "decimal" : "text"}`);
  lines.push(`    modified_at "Modified" datetime "dd-MM-yyyy HH:mm" modified`, "  }");
  return lines.join("\n");
}

function mapBlock(index: number, columns: number): string {
  const lines = [`// Entity ${index} lands in partners`, `map Entity${index} -> res.partner as partner_${index} when column_1 is present and column_2 != "deleted" {`, `  is_company = true`];
  for (let column = 0; column < columns; column++) {
    const value =
      column % 4 === 0
        ? `column_${column} | trim | truncate(64)`
        : column % 4 === 1
          ? `\`{column_${column}} {column_${(column + 1) % columns}}\` | trim`
          : column % 4 === 2
            ? `column_${column} ?? column_${(column + 3) % columns} ?? "unknown"`
            : `if column_${column} in ["a", "b", "c"] then "x" else column_${column} | lower`;
    lines.push(`  x_field_${column} <- ${value}`);
  }
  lines.push(`  parent_id <- column_3 | ref partner_${index}`, "}");
  return lines.join("\n");
}

function tableBlock(index: number, entries: number): string {
  const lines = [`table table_${index}: text -> text {`];
  for (let entry = 0; entry < entries; entry++) lines.push(`  "Source value ${entry}", "Alias ${entry}" -> "target_${entry}"`);
  lines.push(`  _ -> flag`, "}");
  return lines.join("\n");
}

/** About `targetBytes` of text in files of about 60 KB each. */
export function generatePackage(targetBytes: number): GeneratedFile[] {
  const files: GeneratedFile[] = [];
  let total = 0;
  let index = 0;
  while (total < targetBytes) {
    const parts: string[] = [];
    let size = 0;
    while (size < 60_000) {
      const part = [`source source_${index} {`, `  csv { delimiter ";"  encoding "windows-1252" }`, entityBlock(index, 40), "}", "", mapBlock(index, 40), "", tableBlock(index, 30), ""].join("\n");
      parts.push(part);
      size += part.length;
      index += 1;
    }
    const text = parts.join("\n");
    files.push({ path: `generated/file_${files.length}.flitmap`, text });
    total += text.length;
  }
  return files;
}
