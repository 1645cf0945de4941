import * as z from "zod";
import { configDuration } from "./changes-schema.js";
import { slug } from "./formats.js";
import { expectedMessage, expecting } from "./messages.js";

/**
 * The `cmdb:` section of opsdesk.yaml: configuration item types beyond the built-in ones, and a folder of
 * Backstage catalog files re-imported on a schedule. Everything is optional.
 */
function mapping<Shape extends z.ZodRawShape>(shape: Shape, what: string) {
  return z.strictObject(shape, {
    error: (issue) => (issue.code === "unrecognized_keys" ? undefined : expectedMessage(what, issue.input)),
  });
}

const ciType = slug.transform((type) => type.replaceAll("-", "_"));

export const cmdbSection = mapping(
  {
    // Extra CI types, e.g. [queue, load-balancer]; the built-in ones are always there.
    types: z.array(ciType, expecting("a list of CI types like [queue, load-balancer]")).default([]),
    import: mapping(
      {
        // A catalog-info.yaml file or a folder of them, relative to where OpsDesk runs.
        path: z.string(expecting("a path like ./catalog")).min(1),
        every: configDuration.default(60),
      },
      "an import with a path (and optionally every: 1h)",
    ).optional(),
  },
  "a cmdb section with types and/or import",
);

export interface CmdbSettings {
  /** Types added in opsdesk.yaml, written with underscores (`load_balancer`). */
  readonly types: readonly string[];
  readonly import?: { readonly path: string; readonly everyMinutes: number };
}

export function resolveCmdb(section: z.output<typeof cmdbSection>): CmdbSettings {
  return {
    types: section.types,
    ...(section.import ? { import: { path: section.import.path, everyMinutes: section.import.every } } : {}),
  };
}
