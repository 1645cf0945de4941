import { type Document, isAlias, isMap, isNode, isPair, isScalar, isSeq, type LineCounter } from "yaml";
import type { ConfigProblem, PathSegment } from "./config-problems.js";

export interface Position {
  readonly line: number;
  readonly col: number;
}

/** `services[2].channels.slack`: the way an operator would point at the value in the file. */
export function formatPath(path: readonly PathSegment[]): string {
  return path
    .map((segment, index) => {
      if (typeof segment === "number") return `[${segment}]`;
      const name = /^[A-Za-z0-9_-]+$/.test(segment) ? segment : JSON.stringify(segment);
      if (name.startsWith('"')) return `[${name}]`;
      return index === 0 ? name : `.${name}`;
    })
    .join("");
}

/**
 * Where a problem is in the file. Walks the document along the path; when the path goes further than the
 * document (a missing key), the nearest enclosing node is the place to add it.
 */
export function locate(doc: Document, lines: LineCounter, problem: ConfigProblem): Position {
  let node: unknown = doc.contents;
  let position = positionOf(node, lines) ?? { line: 1, col: 1 };
  for (const [index, segment] of problem.path.entries()) {
    const current = isAlias(node) ? node.resolve(doc) : node;
    const isLast = index === problem.path.length - 1;
    if (isMap(current)) {
      const pair = current.items.find(
        (item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment),
      );
      if (pair === undefined) return position;
      const keyPosition = positionOf(pair.key, lines);
      if (isLast && problem.at === "key" && keyPosition !== undefined) return keyPosition;
      node = pair.value;
      // `slack:` with nothing after it has an empty value at the end of the line; its key is where the fix goes.
      const valuePosition = isEmptyScalar(node) ? undefined : positionOf(node, lines);
      position = valuePosition ?? keyPosition ?? position;
    } else if (isSeq(current) && typeof segment === "number") {
      node = current.items[segment];
      position = positionOf(node, lines) ?? position;
      if (node === undefined) return position;
    } else {
      return position;
    }
  }
  return position;
}

function positionOf(node: unknown, lines: LineCounter): Position | undefined {
  if (!isNode(node) || node.range === undefined || node.range === null) return undefined;
  return lines.linePos(node.range[0]);
}

function isEmptyScalar(node: unknown): boolean {
  return isScalar(node) && node.range !== undefined && node.range !== null && node.range[0] === node.range[1];
}
