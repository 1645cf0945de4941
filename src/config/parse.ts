import { LineCounter, parseDocument } from "yaml";
import { type ConfigProblem, unknownKeyMessage, validate } from "./config-problems.js";
import { ConfigError } from "./errors.js";
import { formatPath, locate } from "./locate.js";
import { describeValue } from "./messages.js";
import { resolveConfig } from "./resolve.js";
import { type FileSection, fileSections, type OpsdeskFile } from "./schema.js";
import type { OpsdeskConfig } from "./types.js";

const sectionNames = Object.keys(fileSections) as FileSection[];

/**
 * Reads the text of an opsdesk.yaml. `file` is only used to name the file in messages.
 * Throws ConfigError listing every problem as `<file>:<line>:<col> <path>: <what to write instead>`.
 */
export function parseConfig(text: string, file: string): OpsdeskConfig {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  if (doc.errors.length > 0) {
    // After a syntax error the tree is a guess; checking it would report problems that are not there.
    throw new ConfigError(
      doc.errors.map((error) => {
        const { line, col } = lines.linePos(error.pos[0]);
        return `${file}:${line}:${col} YAML syntax error: ${error.message}`;
      }),
    );
  }

  const { sections, problems } = validateSections(toPlainValues(doc, file));
  const resolution = resolveConfig(sections);
  const all = [...problems, ...resolution.problems];
  if (all.length > 0 || resolution.config === undefined) {
    const located = all.map((problem) => ({ problem, position: locate(doc, lines, problem) }));
    // In file order, so the operator can fix them top to bottom.
    located.sort((a, b) => a.position.line - b.position.line || a.position.col - b.position.col);
    throw new ConfigError(
      located.map(({ problem, position }) => {
        const path = formatPath(problem.path);
        return `${file}:${position.line}:${position.col} ${path === "" ? "" : `${path}: `}${problem.message}`;
      }),
    );
  }
  return resolution.config;
}

/**
 * YAML aliases can expand exponentially ("billion laughs"): the yaml library refuses a document whose
 * aliases expand beyond `maxAliasCount` (yaml.org/spec/1.2.2 §3.2.2.2; eemeli.org/yaml "Options"), which
 * is answered as a mistake in the file rather than a crash.
 */
const maxAliasCount = 100;

function toPlainValues(doc: ReturnType<typeof parseDocument>, file: string): unknown {
  try {
    return doc.toJS({ maxAliasCount });
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    throw new ConfigError([
      `${file}: its aliases (*name) expand too far (more than ${maxAliasCount} times); write the values out instead of nesting anchors`,
    ]);
  }
}

/** Each section on its own, so one bad section does not hide what is wrong with the others. */
function validateSections(root: unknown): { sections: Partial<OpsdeskFile>; problems: ConfigProblem[] } {
  // An empty file, or one with every line commented out, means "all defaults".
  const document = root ?? {};
  if (typeof document !== "object" || Array.isArray(document)) {
    return {
      sections: {},
      problems: [
        {
          path: [],
          message: `expected a mapping of settings (${sectionNames.join(", ")}), got ${describeValue(document)}`,
        },
      ],
    };
  }
  const values = new Map(Object.entries(document));
  const problems: ConfigProblem[] = [...values.keys()]
    .filter((key) => !(sectionNames as string[]).includes(key))
    .map((key) => ({ path: [key], at: "key", message: unknownKeyMessage(key, sectionNames) }));

  const sections: Partial<Record<FileSection, unknown>> = {};
  for (const name of sectionNames) {
    // `services:` with every entry commented out reads as null; it means "none", like leaving it out.
    const result = validate(fileSections[name], values.get(name) ?? undefined, [name]);
    if (result.ok) sections[name] = result.value;
    else problems.push(...result.problems);
  }
  return { sections: sections as Partial<OpsdeskFile>, problems };
}
