/** Git's conflict markers at the start of a line (`<<<<<<< ours`, `=======`, `>>>>>>> theirs`). */
const MARKER = /^(?:<{7}(?: |$)|={7}$|>{7}(?: |$)|\|{7}(?: |$))/m;

/** True when a file holds an unresolved git merge: it is reported as such and never rewritten. */
export function hasMergeConflict(text: string): boolean {
  return MARKER.test(text);
}
