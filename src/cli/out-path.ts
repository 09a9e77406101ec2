/** The file `--out` names; none for "-", standard output, as `classify -` reads standard input. */
export const outPath = (value: unknown): string | undefined => (value === '-' ? undefined : (value as string | undefined));
