/** Adds `value` to the list of `key` in a map of lists (keys in the order first seen, values in the order added). */
export function addToGroup<K, V>(groups: Map<K, V[]>, key: K, value: V): void {
  const list = groups.get(key);
  if (list) list.push(value);
  else groups.set(key, [value]);
}
