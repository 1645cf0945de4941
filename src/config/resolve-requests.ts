import type { Quorum } from "./change-settings.js";
import type { ConfigProblem, PathSegment } from "./config-problems.js";
import { checkUnique, unknownReferenceMessage } from "./references.js";
import { checkFieldValue } from "./request-field-values.js";
import type { ApprovalStage, CatalogItem, RequestField, RequestSettings } from "./request-settings.js";
import type { RequestsFileSection } from "./requests-schema.js";

interface Known {
  readonly groupIds: readonly string[] | undefined;
  readonly personIds: readonly string[] | undefined;
  readonly calendarIds: readonly string[] | undefined;
}

type DeclaredItem = RequestsFileSection["items"][number];
type DeclaredField = DeclaredItem["fields"][number];

const defaultTextLength = { text: 200, longtext: 2000 } as const;

/**
 * Relates the `requests:` section to the rest of the file and checks each field's own rules: categories,
 * groups and people must be declared, choices need options, a pattern must compile, a default must be a
 * value the field would accept when typed.
 */
export function resolveRequests(
  declared: RequestsFileSection,
  known: Known,
  problems: ConfigProblem[],
): RequestSettings {
  const base = ["requests"] as const;
  const group = (id: string, path: readonly PathSegment[], at?: "key") => {
    if (known.groupIds !== undefined && !known.groupIds.includes(id))
      problems.push({
        path: [...base, ...path],
        message: unknownReferenceMessage("group", "groups", id, known.groupIds),
        ...(at ? { at } : {}),
      });
  };
  const person = (id: string, path: readonly PathSegment[], at?: "key") => {
    if (known.personIds !== undefined && !known.personIds.includes(id))
      problems.push({
        path: [...base, ...path],
        message: unknownReferenceMessage("person", "people", id, known.personIds),
        ...(at ? { at } : {}),
      });
  };
  checkUnique(
    declared.categories,
    {
      keyOf: (c) => c.id,
      pathOf: (i) => [...base, "categories", i, "id"],
      clash: (id, first) =>
        `"${id}" is already the id of requests.categories[${first}]; give each its own id`,
    },
    problems,
  );
  checkUnique(
    declared.items,
    {
      keyOf: (item) => item.id,
      pathOf: (i) => [...base, "items", i, "id"],
      clash: (id, first) =>
        `"${id}" is already the id of requests.items[${first}]; give each item its own id`,
    },
    problems,
  );
  const categoryIds = declared.categories.map((c) => c.id);
  for (const [groupId] of Object.entries(declared.taskChannels))
    group(groupId, ["taskChannels", groupId], "key");
  for (const [personId, managerId] of Object.entries(declared.managers)) {
    person(personId, ["managers", personId], "key");
    person(managerId, ["managers", personId]);
  }
  const items = declared.items.map((item, index): CatalogItem => {
    const at = ["items", index] as const;
    if (!categoryIds.includes(item.category))
      problems.push({
        path: [...base, ...at, "category"],
        message: unknownReferenceMessage("category", "requests.categories", item.category, categoryIds),
      });
    item.requestableBy.forEach((id, i) => {
      group(id, [...at, "requestableBy", i]);
    });
    checkUnique(
      item.fields,
      {
        keyOf: (f) => f.id,
        pathOf: (i) => [...base, ...at, "fields", i, "id"],
        clash: (id, first) => `"${id}" is already the id of fields[${first}] of this item`,
      },
      problems,
    );
    const fields = item.fields.map((f, i) => resolveField(f, [...base, ...at, "fields", i], problems));
    const stages = stagesOf(item.approval);
    stages.forEach((s, i) => {
      if (s.kind === "group")
        group(s.group, [...at, "approval", ...(Array.isArray(item.approval) ? [i] : []), "group"]);
    });
    item.fulfilment.tasks.forEach((t, i) => {
      group(t.group, [...at, "fulfilment", "tasks", i, "group"]);
    });
    if (item.sla && known.calendarIds !== undefined && !known.calendarIds.includes(item.sla.calendar))
      problems.push({
        path: [...base, ...at, "sla", "calendar"],
        message: unknownReferenceMessage("calendar", "calendars", item.sla.calendar, known.calendarIds),
      });
    return {
      id: item.id,
      name: item.name,
      description: item.description,
      category: item.category,
      requestableBy: item.requestableBy,
      fields,
      approval: stages,
      taskOrder: item.fulfilment.order,
      tasks: item.fulfilment.tasks,
      ...(item.sla === undefined ? {} : { sla: item.sla }),
    };
  });
  const deadline = declared.approvalDeadline;
  if (deadline && known.calendarIds !== undefined && !known.calendarIds.includes(deadline.calendar))
    problems.push({
      path: [...base, "approvalDeadline", "calendar"],
      message: unknownReferenceMessage("calendar", "calendars", deadline.calendar, known.calendarIds),
    });
  return {
    categories: declared.categories,
    items,
    channels: declared.channels,
    taskChannels: declared.taskChannels,
    managers: declared.managers,
    reopenWithinMinutes: declared.reopenWithin,
    ...(deadline === undefined ? {} : { approvalDeadline: deadline }),
  };
}

type DeclaredStage = "manager" | { group: string; quorum: Quorum };

function stagesOf(approval: "none" | DeclaredStage | DeclaredStage[]): ApprovalStage[] {
  if (approval === "none") return [];
  const list = Array.isArray(approval) ? approval : [approval];
  return list.map((s) => (s === "manager" ? { kind: "manager" } : { kind: "group", ...s }));
}

function resolveField(
  declared: DeclaredField,
  path: readonly PathSegment[],
  problems: ConfigProblem[],
): RequestField {
  const problem = (key: string, message: string) => problems.push({ path: [...path, key], message });
  const { type } = declared;
  const choices = type === "choice" || type === "multichoice";
  const options = (declared.options ?? []).map((o) => (typeof o === "string" ? { value: o, label: o } : o));
  if (choices && options.length === 0)
    problem("type", `a ${type} field needs options, e.g. options: [standard, developer]`);
  if (!choices && declared.options !== undefined)
    problem("options", `only choice and multichoice fields have options`);
  const texty = type === "text" || type === "longtext";
  if (declared.pattern !== undefined) {
    if (!texty) problem("pattern", "only text and longtext fields have a pattern");
    else {
      try {
        new RegExp(declared.pattern, "u");
      } catch (error) {
        problem("pattern", `not a valid regular expression: ${(error as Error).message}`);
      }
    }
  }
  for (const key of ["min", "max"] as const) {
    if (declared[key] !== undefined && type !== "number") problem(key, `only number fields have ${key}`);
  }
  if (declared.min !== undefined && declared.max !== undefined && declared.min > declared.max)
    problem("max", `max (${declared.max}) must not be below min (${declared.min})`);
  const field: RequestField = {
    id: declared.id,
    label: declared.label,
    type,
    required: declared.required,
    options,
    maxLength: declared.maxLength ?? (texty ? defaultTextLength[type] : 200),
    ...(declared.help === undefined ? {} : { help: declared.help }),
    ...(declared.pattern === undefined ? {} : { pattern: declared.pattern }),
    ...(declared.patternHelp === undefined ? {} : { patternHelp: declared.patternHelp }),
    ...(declared.min === undefined ? {} : { min: declared.min }),
    ...(declared.max === undefined ? {} : { max: declared.max }),
  };
  if (declared.default === undefined) return field;
  if (type === "person") {
    problem("default", "a person field has no default; the requester picks someone");
    return field;
  }
  const alreadyBroken = problems.some(
    (p) => p.path.length > path.length && path.every((s, i) => p.path[i] === s),
  );
  if (alreadyBroken) return field;
  const checked = checkFieldValue(field, declared.default);
  if (!checked.ok) {
    problem("default", `the default does not fit the field: ${checked.problem}`);
    return field;
  }
  return { ...field, default: checked.value };
}
