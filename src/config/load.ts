import { readFile } from "node:fs/promises";
import { defaultConfig } from "./defaults.js";
import { ConfigError } from "./errors.js";
import { parseConfig } from "./parse.js";
import type { OpsdeskConfig } from "./types.js";

export interface LoadedConfig {
  readonly config: OpsdeskConfig;
  /** True when there was no file and the built-in defaults are in use; worth a line in the start-up log. */
  readonly usedDefaults: boolean;
}

/** Where OpsDesk looks for its configuration when OPSDESK_CONFIG is unset. */
export const defaultConfigPath = "./opsdesk.yaml";

/**
 * Loads opsdesk.yaml. A missing default file is not an error: OpsDesk must start with zero set-up. A file
 * named explicitly (OPSDESK_CONFIG) must exist: running a production desk on the built-in defaults because
 * of a typo in the path would look like working while routing nothing where it belongs.
 */
export async function loadConfigFile(
  path: string,
  options: { required?: boolean } = {},
): Promise<LoadedConfig> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if (isMissingFile(error) && options.required) {
      throw new ConfigError([
        `OPSDESK_CONFIG: ${path} does not exist; fix the path, or unset OPSDESK_CONFIG to start on the built-in defaults`,
      ]);
    }
    if (isMissingFile(error)) return { config: defaultConfig(), usedDefaults: true };
    throw new ConfigError([
      `${path}: cannot be read (${describeReadError(error)}); check the path in OPSDESK_CONFIG and the file's permissions`,
    ]);
  }
  return { config: parseConfig(text, path), usedDefaults: false };
}

function isMissingFile(error: unknown): boolean {
  return error instanceof Error && "code" in error && error.code === "ENOENT";
}

function describeReadError(error: unknown): string {
  if (error instanceof Error && "code" in error && typeof error.code === "string") return error.code;
  return error instanceof Error ? error.message : String(error);
}
