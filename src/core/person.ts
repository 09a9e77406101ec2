/** Someone a text may name: the names (and id) a pseudonym must hide. */
export interface Person {
  id: string;
  names: string[];
}
