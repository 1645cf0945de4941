import { ciKeyPattern } from "../model.js";
import type { CatalogEntity } from "./read-catalog.js";

/** A CI as the catalog declares it. */
export interface PlannedCi {
  readonly key: string;
  readonly name: string;
  readonly type: string;
  readonly ownerGroupId: string | null;
  readonly description: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly origin: string;
}

/** `from` depends on `to` (the only relationship the catalog's fields express). */
export interface PlannedRelationship {
  readonly from: string;
  readonly to: string;
  readonly why: string;
}

export interface ImportPlan {
  readonly cis: readonly PlannedCi[];
  readonly relationships: readonly PlannedRelationship[];
  readonly groups: readonly string[];
  readonly problems: readonly string[];
}

/** The kinds that become CIs; Group names owners. */
const ciKinds = ["Component", "System", "Resource", "API"] as const;
/** Catalog kinds that are not configuration (people, domains, templates, locations): passed over. */
const ignoredKinds = ["User", "Domain", "Location", "Template"];

/**
 * Reads catalog entities as CIs and depends-on relationships (Backstage's descriptor format,
 * https://backstage.io/docs/features/software-catalog/descriptor-format):
 * a System is a business service that depends on its parts (`spec.system`); a Component (service: service,
 * website and others: application) or Resource (database, else cloud resource) depends on what `dependsOn`
 * and `consumesApis` name; an API depends on the component that `providesApis` it. `known` are CI keys
 * already in the CMDB, which a relationship may also point at. Pure: nothing is read or written here.
 */
export function planImport(entities: readonly CatalogEntity[], known: ReadonlySet<string>): ImportPlan {
  const problems: string[] = [];
  const cis = new Map<string, PlannedCi>();
  const groups: string[] = [];
  const pending: { entity: CatalogEntity; where: string; key: string }[] = [];
  for (const entity of entities) {
    const where = `${entity.file} (document ${entity.document})`;
    if (ignoredKinds.includes(entity.kind)) continue;
    const name = entity.metadata.name;
    if (entity.kind !== "Group" && !(ciKinds as readonly string[]).includes(entity.kind)) {
      problems.push(
        `${where}: kind "${entity.kind}" is not one OpsDesk imports (Component, System, Resource, API, Group).`,
      );
      continue;
    }
    if (typeof name !== "string" || name.trim() === "") {
      problems.push(`${where}: a ${entity.kind} without metadata.name; every entity needs a name.`);
      continue;
    }
    if (!ciKeyPattern.test(name)) {
      problems.push(
        `${where}: "${name}" is not a valid entity name (letters, digits, . _ - and at most 63 characters).`,
      );
      continue;
    }
    if (entity.kind === "Group") {
      groups.push(name);
      continue;
    }
    const clash = cis.get(name);
    if (clash) {
      problems.push(
        `${where}: ${entity.kind} "${name}" has the same name as an entity in ${clash.origin}; CI names must be unique.`,
      );
      continue;
    }
    cis.set(name, toCi(entity, name));
    pending.push({ entity, where, key: name });
  }
  const relationships: PlannedRelationship[] = [];
  const exists = (key: string) => cis.has(key) || known.has(key);
  for (const { entity, where, key } of pending) {
    // `reverse`: the named entity depends on this one (an API on its provider, a system on its parts).
    const refer = (field: string, target: string, reverse: boolean) => {
      if (!exists(target)) {
        problems.push(
          `${where}: ${entity.kind} "${key}" ${field} "${target}", which is neither in the catalog nor in the CMDB.`,
        );
      } else if (target !== key) {
        relationships.push(
          reverse ? { from: target, to: key, why: field } : { from: key, to: target, why: field },
        );
      }
    };
    for (const ref of refs(entity.spec.dependsOn)) refer("dependsOn", ref, false);
    for (const ref of refs(entity.spec.consumesApis)) refer("consumesApis", ref, false);
    for (const ref of refs(entity.spec.providesApis)) refer("providesApis", ref, true);
    if (typeof entity.spec.system === "string" && entity.kind !== "System")
      refer("is part of system", entityName(entity.spec.system), true);
  }
  return { cis: [...cis.values()], relationships, groups, problems };
}

/** `resource:default/artists-db`, `component:artist-lookup`, `artists-db` → `artists-db`. */
export function entityName(ref: string): string {
  const afterKind = ref.includes(":") ? ref.slice(ref.indexOf(":") + 1) : ref;
  return afterKind.slice(afterKind.lastIndexOf("/") + 1).trim();
}

function refs(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string").map(entityName) : [];
}

function toCi(entity: CatalogEntity, key: string): PlannedCi {
  const spec = entity.spec;
  const specType = typeof spec.type === "string" ? spec.type : undefined;
  const type =
    entity.kind === "System"
      ? "business_service"
      : entity.kind === "API"
        ? "api"
        : entity.kind === "Resource"
          ? specType === "database"
            ? "database"
            : "cloud_resource"
          : specType === "service"
            ? "service"
            : "application";
  const attributes: Record<string, string> = { "backstage kind": entity.kind };
  if (specType) attributes["backstage type"] = specType;
  if (typeof spec.lifecycle === "string") attributes.lifecycle = spec.lifecycle;
  const title = typeof entity.metadata.title === "string" ? entity.metadata.title : key;
  return {
    key,
    name: title,
    type,
    ownerGroupId: typeof spec.owner === "string" ? entityName(spec.owner) : null,
    description: typeof entity.metadata.description === "string" ? entity.metadata.description : "",
    attributes,
    origin: entity.file,
  };
}
