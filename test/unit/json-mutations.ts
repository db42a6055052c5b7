// Mutation helpers for the "zod-free shape check agrees with the zod schema" tests: every path
// inside a JSON value, and a copy of a value with one path deleted or replaced.
type Json = unknown;

/** Every path to a value inside `v` (objects and arrays), the root excluded. */
export function paths(v: Json, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(v)) return v.flatMap((x, i) => [[...prefix, i], ...paths(x, [...prefix, i])]);
  if (v && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => [[...prefix, k], ...paths(x, [...prefix, k])]);
  return [];
}

export function mutate(root: Json, path: (string | number)[], how: 'delete' | { value: Json }): Json {
  const copy = structuredClone(root) as Record<string | number, Json>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, Json>;
  const last = path.at(-1)!;
  if (how === 'delete') {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else parent[last] = how.value;
  return copy;
}
