import { describe, expect, it } from "vitest";
import { diagnosticsOf } from "../helpers.js";

describe("FM902 target_problem", () => {
  it("accepts a shipped series", () => {
    expect(
      diagnosticsOf("FM902", "", {
        base: 'migration pb { source perfectbooks target odoo "18.0" }\nsource perfectbooks { entity E "e.csv" key id { id text } }',
      }),
    ).toEqual([]);
  });

  it("reports a series without catalog", () => {
    expect(
      diagnosticsOf("FM902", "", {
        base: 'migration pb { source perfectbooks target odoo "16.0" }\nsource perfectbooks { entity E "e.csv" key id { id text } }',
      }),
    ).toEqual([
      'base.flitmap:1:48-1:54 error FM902 Flitmap ships catalogs for Odoo 17.0, 18.0, 19.0, not "16.0": pick one, or pull your server\'s schema with `flitmap schema pull` and use `target odoo schema "odoo-schema.json"`',
    ]);
  });

  it("reports no target", () => {
    expect(diagnosticsOf("FM902", "", { base: 'migration pb { source perfectbooks  }\nsource perfectbooks { entity E "e.csv" key id { id text } }' })).toEqual([
      'base.flitmap:1:11-1:13 error FM902 the migration pb names no target: add `target odoo "17.0"` (or `target odoo schema "file.json"`)',
    ]);
  });

  it("reports a schema file that does not exist", () => {
    expect(
      diagnosticsOf("FM902", "", {
        base: 'migration pb { source perfectbooks target odoo schema "nope.json" }\nsource perfectbooks { entity E "e.csv" key id { id text } }',
      }),
    ).toEqual([
      "base.flitmap:1:55-1:66 error FM902 schema file nope.json not found (looked for /virtual/package/nope.json); pull it with `flitmap schema pull -o nope.json`",
    ]);
  });
});
