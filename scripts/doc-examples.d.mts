/** Writes every runnable doc example under .vitest-docs/ and returns their paths from the repository root. */
export declare const writeDocExamples: () => Array<string>
